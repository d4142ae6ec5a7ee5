// Every Azure resource the school risk-zone workflow needs: the storage account (containers, queues, tables), the
// Event Grid system topic that turns new blobs in `uploads`, `rules` and `registry` into messages on their queues, the function
// app on the Flex Consumption plan (Linux, .NET 10 isolated worker) with its managed identity and role assignments (no account
// keys anywhere), and Application Insights. Names and region are parameters; see main.parameters.json.

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Prefix of resource names (letters and digits, 3 to 11 characters).')
@minLength(3)
@maxLength(11)
param namePrefix string

@description('Storage account name (3 to 24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param storageAccountName string = toLower('${namePrefix}${uniqueString(resourceGroup().id)}')

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance, MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('The .NET version of the isolated worker: the target framework of src/SchoolRisk.Functions, which the Flex Consumption plan offers as dotnet-isolated 10.0 (az functionapp list-flexconsumption-runtimes --location <region> --runtime dotnet-isolated).')
@allowed(['10.0'])
param dotnetVersion string = '10.0'

@description('The mail relay letters go through.')
param smtpHost string

@description('Its port.')
param smtpPort int = 587

@description('Its security: None, StartTls, SslOnConnect or Auto.')
@allowed(['None', 'StartTls', 'SslOnConnect', 'Auto'])
param smtpSecurity string = 'StartTls'

@description('The relay user; its password goes in as a Key Vault reference in the app setting Notifications__SmtpPassword, set after deployment.')
param smtpUser string = ''

@description('The sender of every letter.')
param mailFrom string

@description('How long a digest request waits for later uploads (hh:mm:ss).')
param digestDelay string = '00:05:00'

var containers = ['uploads', 'registry', 'reports', 'notices', 'rules', 'rules-archive', 'locks', 'snapshots', 'app-package']
// Each queue a function reads, and the poison queue the Functions host moves a message to after its last failure.
var queues = [
  'upload-events'
  'upload-events-poison'
  'rules-events'
  'rules-events-poison'
  'registry-events'
  'registry-events-poison'
  'risk-notifications'
  'risk-notifications-poison'
  'period-recalculations'
  'period-recalculations-poison'
  'digest-requests'
  'digest-requests-poison'
  'note-requests'
  'note-requests-poison'
]
var tables = ['uploads', 'results', 'municipalities', 'rubrics', 'notifications', 'deliveries', 'ruleversions']
// `blobs`: only these blobs of the container (the registry's other blobs, its last good copies, are no edits to check).
var subscriptions = [
  { name: 'uploads-to-queue', container: 'uploads', queue: 'upload-events', blobs: [] }
  { name: 'rules-to-queue', container: 'rules', queue: 'rules-events', blobs: [] }
  { name: 'registry-to-queue', container: 'registry', queue: 'registry-events', blobs: ['schools.csv', 'recipients.csv'] }
]
var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  queueDataMessageSender: 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    // A hierarchical namespace makes directory SAS possible: `schoolrisk uploads grant` gives each municipality one
    // limited to its own uploads/{period}/{municipality}/ folder.
    isHnsEnabled: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {}
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for container in containers: {
  parent: blobService
  name: container
  properties: { publicAccess: 'None' }
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource storageQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in queues: {
  parent: queueService
  name: queue
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource storageTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tables: {
  parent: tableService
  name: table
}]

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${namePrefix}-plan'
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: '${namePrefix}-app'
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}app-package'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: { name: 'dotnet-isolated', version: dotnetVersion }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
        { name: 'Rules__Directory', value: 'rules' }
        { name: 'Notifications__SmtpHost', value: smtpHost }
        { name: 'Notifications__SmtpPort', value: string(smtpPort) }
        { name: 'Notifications__SmtpSecurity', value: smtpSecurity }
        { name: 'Notifications__SmtpUser', value: smtpUser }
        { name: 'Notifications__From', value: mailFrom }
        { name: 'Notifications__DigestDelay', value: digestDelay }
      ]
    }
  }
}

resource appRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [roles.blobDataOwner, roles.queueDataContributor, roles.tableDataContributor]: {
  name: guid(storage.id, app.id, role)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource appMetrics 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, app.id, roles.monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: '${namePrefix}-storage-events'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource topicSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, topic.id, roles.queueDataMessageSender)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.queueDataMessageSender)
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// BlobCreated events of a container, in the Event Grid schema, delivered to its queue with the topic's identity.
// Event Grid writes them as plain JSON text, which is why host.json sets messageEncoding to none.
resource eventSubscriptions 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = [for subscription in subscriptions: {
  parent: topic
  name: subscription.name
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/${subscription.container}/blobs/'
      // Only a blob whose content is complete: not an empty file a Data Lake client creates before writing it.
      advancedFilters: concat(
        [{ operatorType: 'StringIn', key: 'data.api', values: ['PutBlob', 'PutBlockList', 'CopyBlob', 'FlushWithClose'] }],
        empty(subscription.blobs)
          ? []
          : [
              {
                operatorType: 'StringIn'
                key: 'Subject'
                values: map(subscription.blobs, blob => '/blobServices/default/containers/${subscription.container}/blobs/${blob}')
              }
            ]
      )
    }
    deliveryWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: subscription.queue
          queueMessageTimeToLiveInSeconds: -1
        }
      }
    }
  }
  dependsOn: [topicSender, storageQueues]
}]

output functionAppName string = app.name
output storageAccountName string = storage.name
output siteUrl string = 'https://${app.properties.defaultHostName}/api/site/'
