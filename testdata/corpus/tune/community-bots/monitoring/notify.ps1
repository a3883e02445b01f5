# Scheduled task on MON-01: posts failed backup jobs to Teams and Slack.
$ErrorActionPreference = 'Stop'

$teamsWebhook = '⟦messaging:https://prod-25.eastus.logic.azure.com:443/workflows/⁞e5528519443b9406da8a1850290961e4/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=_1_xBvNdpWjjzV4jvKqyItjREWVeW1a4_ZqR2-9k6Ve⟧'
$slackTrigger = '⟦messaging:https://hooks.slack.com/triggers/⁞TFPV6T1VR/1663783672146/ccb63c5e030f15ec8a0f3b32185ebd67⟧'
$legacySlackToken = '⟦messaging:xoxa-2-⁞109489473101-427830195287-049000412928-915d7337177ef26734d2b50fafdf3ef446a4a3b9690941fb1a6e1af9d7618c7f⟧'

$failed = Get-WBJob -Previous 5 | Where-Object { $_.HResult -ne 0 }
if (-not $failed) { return }

$card = @{
    type        = 'message'
    attachments = @(@{
        contentType = 'application/vnd.microsoft.card.adaptive'
        content     = @{ type = 'AdaptiveCard'; version = '1.4'; body = @(@{ type = 'TextBlock'; text = "Backup failed on $env:COMPUTERNAME" }) }
    })
}
Invoke-RestMethod -Method Post -Uri $teamsWebhook -Body ($card | ConvertTo-Json -Depth 8) -ContentType 'application/json'
Invoke-RestMethod -Method Post -Uri $slackTrigger -Body (@{ host = $env:COMPUTERNAME } | ConvertTo-Json) -ContentType 'application/json'

# SMTP fallback (service account password is in the Windows credential store)
$cred = Get-StoredCredential -Target 'MON-01-smtp'
Send-MailMessage -SmtpServer smtp.office365.com -Port 587 -UseSsl -Credential $cred -From mon01@acme.example -To ops@acme.example -Subject 'Backup failed'
