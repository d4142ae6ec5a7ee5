// Every Azure resource the school risk-zone workflow needs: the storage account (containers, queues, tables), the
// Event Grid system topic that turns new blobs in `uploads`, `rules` and `registry` into messages on their queues, the function
// app on the Flex Consumption plan (Linux, .NET 10 isolated worker) with its managed identity and role assignments (no account
// keys anywhere), the Service Bus namespace whose topic `risk-notices` carries every notice to the municipalities' systems
// (a subscription each, and one for the committee), and Application Insights. Names and region are parameters; see main.parameters.json.

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

@description('Service Bus namespace name (6 to 50 letters, digits and hyphens, globally unique).')
@minLength(6)
@maxLength(50)
param serviceBusNamespaceName string = '${namePrefix}-bus-${uniqueString(resourceGroup().id)}'

@description('Municipal systems that read their notices: the municipality id (at most 50 characters, the longest subscription name) and the Microsoft Entra object id of the identity that reads (a managed identity or a service principal). Each gets Azure Service Bus Data Receiver on its own subscription and no other.')
param noticeReaders { municipality: string, principalId: string }[] = []

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
var tables = ['uploads', 'results', 'municipalities', 'rubrics', 'notifications', 'deliveries', 'ruleversions', 'supportdecisions', 'supportaudit', 'federallists']
// `blobs`: only the blobs whose names begin with these (the registry's other blobs, its last good copies, are no edits to
// check; `federal/` holds the committee's federal lists, federal/{period}/{file}).
var subscriptions = [
  { name: 'uploads-to-queue', container: 'uploads', queue: 'upload-events', blobs: [] }
  { name: 'rules-to-queue', container: 'rules', queue: 'rules-events', blobs: [] }
  { name: 'registry-to-queue', container: 'registry', queue: 'registry-events', blobs: ['schools.csv', 'recipients.csv', 'federal/'] }
]
// The topic of notices and its subscriptions (NoticeTopicOptions, NoticeSubscription): messages carry the application
// property `recipient` (a municipality id or `committee`), and each subscription keeps only its recipient's, by a
// correlation filter that replaces the subscription's `$Default` rule (which would keep everything).
var noticeTopicName = 'risk-notices'
var noticeSubscription = {
  lockDuration: 'PT1M'
  maxDeliveryCount: 10
  deadLetteringOnMessageExpiration: true
}
var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  queueDataMessageSender: 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  serviceBusDataOwner: '090c5cfd-751d-490a-894a-3ce6f1109419'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
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
  properties: {
    // The page puts a municipality's file straight to Blob storage with an upload link (UploadLink); the browser may do
    // so from the app's own address only. Same rule as the local stack's (SchoolRisk.Storage.Uploads.UploadCors).
    cors: {
      corsRules: [
        {
          allowedOrigins: ['https://${app.properties.defaultHostName}']
          allowedMethods: ['PUT', 'OPTIONS']
          allowedHeaders: ['x-ms-blob-type', 'x-ms-version', 'x-ms-client-request-id', 'content-type']
          exposedHeaders: ['x-ms-request-id']
          maxAgeInSeconds: 3600
        }
      ]
    }
  }
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
        { name: 'ServiceBus__fullyQualifiedNamespace', value: '${bus.name}.servicebus.windows.net' }
        { name: 'NoticeTopic__Topic', value: noticeTopicName }
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

resource bus 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: serviceBusNamespaceName
  location: location
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource noticeTopic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: bus
  name: noticeTopicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'P1D'
    defaultMessageTimeToLive: 'P14D'
  }
}

resource committeeSubscription 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = {
  parent: noticeTopic
  name: 'committee'
  properties: noticeSubscription
}

resource committeeFilter 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2024-01-01' = {
  parent: committeeSubscription
  name: '$Default'
  properties: {
    filterType: 'CorrelationFilter'
    correlationFilter: { properties: { recipient: 'committee' } }
  }
}

// The app publishes (Data Sender) and creates a municipality's subscription when the registry first names it, without a
// redeploy; creating subscriptions is a management operation only Data Owner grants, scoped to this topic alone.
resource appBusRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [roles.serviceBusDataSender, roles.serviceBusDataOwner]: {
  name: guid(noticeTopic.id, app.id, role)
  scope: noticeTopic
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource readerSubscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [for reader in noticeReaders: {
  parent: noticeTopic
  name: reader.municipality
  properties: noticeSubscription
}]

resource readerFilters 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2024-01-01' = [for (reader, i) in noticeReaders: {
  parent: readerSubscriptions[i]
  name: '$Default'
  properties: {
    filterType: 'CorrelationFilter'
    correlationFilter: { properties: { recipient: reader.municipality } }
  }
}]

// A municipality's system reads its own subscription and nothing else of the namespace.
resource readerRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (reader, i) in noticeReaders: {
  name: guid(readerSubscriptions[i].id, reader.principalId, roles.serviceBusDataReceiver)
  scope: readerSubscriptions[i]
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)
    principalId: reader.principalId
    principalType: 'ServicePrincipal'
  }
}]

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
                operatorType: 'StringBeginsWith'
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
output serviceBusNamespace string = '${bus.name}.servicebus.windows.net'
