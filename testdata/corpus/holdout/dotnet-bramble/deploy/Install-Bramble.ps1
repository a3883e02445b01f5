param(
    [string]$Environment = "prod",
    [string]$SqlPassword = $env:BRAMBLE_SQL_PASSWORD
)

$ErrorActionPreference = "Stop"
$svcPassword = ConvertTo-SecureString "⟦generic:zRb_!yLL@4⁞uKx3nrw0%W⟧" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential ("BRAMBLE\svc-bramble", $svcPassword)

# Comes from Key Vault at deploy time; never hard-code.
$kvSecret = (Get-AzKeyVaultSecret -VaultName bramble-kv -Name sql-admin -AsPlainText)

New-Service -Name "BrambleWorker" -BinaryPathName "C:\bramble\Bramble.Worker.exe" -Credential $cred
$env:DO_OAUTH_TOKEN = "⟦cloud:doo_v1_00ce5⁞5924dd129e2d9c018221a1bb223d5a5640109f890c7883013b4cf9d4a27⟧"
$env:DO_REFRESH_TOKEN = "⟦cloud:dor_v1_68e8b⁞f8efbecf545258285e081888a21d89f1ceb50951d6dc9b7ebb40497adba⟧"
Invoke-RestMethod -Uri "https://api.bramble.example/health" -Headers @{ "X-Api-Key" = "⟦generic:HVycaZhLu0Zx⁞URTrjJJPsxFCafkiJt0Cy4cs⟧" }
$thumb = "A909502DD82AE41433E6F83886B00D4277A32A7B"
