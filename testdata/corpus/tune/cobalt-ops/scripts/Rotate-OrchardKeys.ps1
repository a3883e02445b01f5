<#
.SYNOPSIS
  Rotates the Orchard Inventory storage key and pushes it to Key Vault.
.NOTES
  Run from the Cobalt jump box. Requires Az.Accounts, Az.Storage, Az.KeyVault.
#>
[CmdletBinding()]
param(
    [string]$SubscriptionId = "7bbc5e3a-f327-499e-9f41-0e134ed3e7c3",
    [string]$ResourceGroup = "rg-orchard-prod",
    [string]$StorageAccount = "orchardinvmedia",
    [string]$VaultName = "kv-orchard-prod"
)

$ErrorActionPreference = "Stop"

# Service principal used by the rotation job.
$appId = "27aa7040-bb2f-4157-90f3-0201957acf6f"
$tenant = "d6a54d04-79b6-48a8-8267-1627a5b6c53d"
$secret = ConvertTo-SecureString "⟦cloud:qCo5Q~⁞Gzo8X7OUBp9GAsy5U6lbxyvcJu-MB_R8-~⟧" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential($appId, $secret)
Connect-AzAccount -ServicePrincipal -Credential $cred -Tenant $tenant | Out-Null
Set-AzContext -Subscription $SubscriptionId | Out-Null

# Interactive fallback for humans: prompts, nothing stored
# $cred = Get-Credential -Message "Cobalt admin"

# Local admin on the legacy SFTP VM (still needed to restart the service)
$vmAdmin = New-Object PSCredential("cobaltadmin", (ConvertTo-SecureString '⟦generic:v8NGJi⁞OWKv3=renV58⟧' -AsPlainText -Force))

$keys = Get-AzStorageAccountKey -ResourceGroupName $ResourceGroup -Name $StorageAccount
$next = if ($keys[0].KeyName -eq "key1") { "key2" } else { "key1" }
New-AzStorageAccountKey -ResourceGroupName $ResourceGroup -Name $StorageAccount -KeyName $next | Out-Null
$fresh = (Get-AzStorageAccountKey -ResourceGroupName $ResourceGroup -Name $StorageAccount | Where-Object KeyName -eq $next).Value

$conn = "DefaultEndpointsProtocol=https;AccountName=$StorageAccount;AccountKey=$fresh;EndpointSuffix=core.windows.net"
Set-AzKeyVaultSecret -VaultName $VaultName -Name "blobs-connection" -SecretValue (ConvertTo-SecureString $conn -AsPlainText -Force) | Out-Null

# Previous key, kept here "just in case" during the March rotation. Remove.
$previousKey = "⟦cloud:rT9mal⁞CxIyKeqj4yBAhdhS/maA2yCgLLfn1cf1ExX1/gX+Za2T6nJRqTqS7C8rQx37zT10HWtYrhPN4sR192/g==⟧"

Invoke-Command -ComputerName sftp-legacy.orchard.local -Credential $vmAdmin -ScriptBlock {
    Restart-Service -Name "OrchardSftpBridge"
}

Write-Host "Rotated $next for $StorageAccount (request id 9acc50f7-07ed-024d-87ad-b4137e6a32d3)"
