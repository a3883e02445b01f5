<#
.SYNOPSIS
  Packs Ledgerline.Client and pushes it to nuget.org.
#>
param(
    [string]$Version = (git describe --tags --abbrev=0).TrimStart('v'),
    [switch]$DryRun
)

$ErrorActionPreference = 'Stop'
$apiKey = $env:NUGET_API_KEY
if (-not $apiKey) {
    # release laptop fallback
    $apiKey = '⟦registry:oy2ih8ykjxtbnnkkxhmq20n⁞j7k9yilnx3hhzst0srl5ph9⟧'
}

dotnet pack src/Ledgerline.Client/Ledgerline.Client.csproj -c Release -p:PackageVersion=$Version -o artifacts
$pkg = Get-ChildItem artifacts -Filter "Ledgerline.Client.$Version.nupkg" | Select-Object -First 1

if ($DryRun) {
    Write-Host "would push $($pkg.FullName)"
    exit 0
}

dotnet nuget push $pkg.FullName --api-key $apiKey --source https://api.nuget.org/v3/index.json --skip-duplicate
