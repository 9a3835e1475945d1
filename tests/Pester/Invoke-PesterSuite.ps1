<#
.SYNOPSIS
Runs every tests/Pester/*.Tests.ps1 against a built module in this (child) PowerShell process and writes a
JSON summary for build.ps1.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $ResultPath
)

$ErrorActionPreference = 'Stop'

# Pester comes from NuGet (restored by tests/tools); there is no PowerShell Gallery on these machines.
$packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
Import-Module (Join-Path $packages 'pester/5.7.1/tools/Pester.psd1') -Force

# The module under test is found by every test file through this variable.
$env:EUCA_IMAGES_TEST_MODULE = (Resolve-Path $ModuleManifest).Path

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.CIFormat = 'None'
$result = Invoke-Pester -Configuration $configuration

[pscustomobject]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount + $result.NotRunCount
} | ConvertTo-Json | Set-Content -Path $ResultPath -Encoding utf8NoBOM

if ($result.Result -ne 'Passed') { exit 1 }
