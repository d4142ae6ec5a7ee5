// A sample environment: the Leningrad region's committee in West Europe. Copy it, change the names and the relay.
using 'main.bicep'

param namePrefix = 'lenobrrisk'
param location = 'westeurope'
param smtpHost = 'smtp.edu.example.ru'
param smtpPort = 587
param smtpSecurity = 'StartTls'
param smtpUser = 'monitoring@edu.example.ru'
param mailFrom = 'Комитет общего и профессионального образования <monitoring@edu.example.ru>'
param digestDelay = '00:10:00'
// Gatchina's document-flow system reads its notices from its subscription of risk-notices (its managed identity's object id).
param noticeReaders = [
  { municipality: 'gatchinsky', principalId: '00000000-0000-0000-0000-000000000000' }
]
