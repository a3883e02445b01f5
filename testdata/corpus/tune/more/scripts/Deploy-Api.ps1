<#
.SYNOPSIS
  Deploys the API to the staging App Service.
#>
param(
    [string]$ResourceGroup = "rg-api-staging",
    [string]$AppName = "acme-api-stg",
    [switch]$WhatIf
)

$ErrorActionPreference = "Stop"

$tenantId = "106626e8-1084-4b21-8a05-f696240a3cf5"
$clientId = "b4d65087-2212-42fb-afaf-7671a345e9d8"
# service principal "sp-deploy-api" - rotate in Entra ID before 2025-06
$clientSecret = "⟦cloud:cwb8Q~LKLIQSr1W-WKAo⁞dvLwYGdYILl1xbsG03Wd⟧"

$securePwd = ConvertTo-SecureString $clientSecret -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential($clientId, $securePwd)
Connect-AzAccount -ServicePrincipal -Credential $cred -Tenant $tenantId | Out-Null

$sqlAdminPassword = ConvertTo-SecureString "⟦generic:Copper+8657maple!OK⟧" -AsPlainText -Force
$kvPassword = (Get-AzKeyVaultSecret -VaultName "kv-api-stg" -Name "sql-admin" -AsPlainText)

Publish-AzWebApp -ResourceGroupName $ResourceGroup -Name $AppName -ArchivePath ".\out\api.zip" -Force -WhatIf:$WhatIf
Set-AzWebApp -ResourceGroupName $ResourceGroup -Name $AppName -AppSettings @{
    "ASPNETCORE_ENVIRONMENT" = "Staging"
    "Db__Password"           = $env:DB_PASSWORD
}
Write-Host "Deployed $AppName"
