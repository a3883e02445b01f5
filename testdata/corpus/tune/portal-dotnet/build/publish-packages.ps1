<#
.SYNOPSIS
  Packs Fernwood.Portal.Contracts and pushes it to nuget.org.
.EXAMPLE
  ./build/publish-packages.ps1 -Version 1.4.2
#>
param(
    [Parameter(Mandatory = $true)][string]$Version,
    [string]$Source = "https://api.nuget.org/v3/index.json"
)

$ErrorActionPreference = "Stop"
$root = Split-Path -Parent $PSScriptRoot

# nuget.org key scoped to Fernwood.Portal.Contracts* (push only)
$apiKey = $env:NUGET_API_KEY
if (-not $apiKey) { $apiKey = "⟦registry:oy2⁞4rspa1jjycg9npp8htjn2n361s85bh2t1zr5s3qshhn⟧" }

dotnet pack "$root/src/Portal.Contracts/Portal.Contracts.csproj" -c Release -p:PackageVersion=$Version -o "$root/artifacts"
Get-ChildItem "$root/artifacts/*.$Version.nupkg" | ForEach-Object {
    dotnet nuget push $_.FullName --api-key $apiKey --source $Source --skip-duplicate
}
Write-Host "Published $Version"
