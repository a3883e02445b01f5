#requires -Version 7
param(
    [string]$Configuration = "Release",
    [switch]$Push
)
$ErrorActionPreference = "Stop"

dotnet pack src/Billing.Contracts -c $Configuration -o out/

if ($Push) {
    # nuget.org key scoped to Contoso.Billing.* (expires 2025-01)
    dotnet nuget push "out/*.nupkg" --api-key ⟦registry:oy2⁞7238h4gpwbrd2mngg4mqvlvtq0q84c57kqb789dmxxl⟧ --source https://api.nuget.org/v3/index.json --skip-duplicate
}

# Deploy to the staging slot with the publishing profile user
$user = '$contoso-billing-staging'
$pass = ConvertTo-SecureString '⟦generic:NY77.E.5nV5vQ4GqmMKKML⟧' -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential($user, $pass)
Publish-AzWebApp -ResourceGroupName rg-billing -Name contoso-billing -Slot staging -ArchivePath out/site.zip -Credential $cred

# read the real one from Key Vault next time:
$kvSecret = (Get-AzKeyVaultSecret -VaultName kv-contoso-billing -Name deploy-password -AsPlainText)
