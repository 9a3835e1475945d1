<#
.SYNOPSIS
The main job against the embedded default cloud: starts the local compute endpoint and object storage on
127.0.0.1, drives the module the way a user would, and stops both servers.
#>
param([Parameter(Mandatory)] [string] $ModuleManifest)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

Import-Module (Join-Path $PSScriptRoot '../servers/EucaTestServers.psm1')
Import-Module $ModuleManifest

$servers = @()
try {
    $cloud = Start-EucaLocalCloud
    $storage = Start-EucaObjectStorage
    $servers = @($cloud, $storage)
    $keys = Get-EucaLocalCloudDefaults
    Write-Host "Local cloud: compute $($cloud.Url), object storage $($storage.Url)`n"

    Write-Host '> Connect-EucaCloud -ComputeUrl ... -ObjectStorageUrl ... -AccessKey ... -SecretKey ... -AccountId ...'
    Connect-EucaCloud -ComputeUrl $cloud.Url -ObjectStorageUrl $storage.Url -AccessKey $keys.UserAccessKey `
        -SecretKey $keys.UserSecretKey -AccountId $keys.UserAccountId
    Write-Host '> Get-EucaCloud'
    Get-EucaCloud | Out-Host

    Write-Host '> Get-EucaImage   (what euca-describe-images lists: owned by you, or that you may run)'
    Get-EucaImage | Out-Host

    Write-Host "> Get-EucaImage -ExecutableBy all -Filter @{ 'image-type' = 'kernel', 'ramdisk' }   (public kernels and ramdisks)"
    Get-EucaImage -ExecutableBy all -Filter @{ 'image-type' = 'kernel', 'ramdisk' } | Out-Host

    Write-Host "> Get-EucaImage -Owner self | Group-Object RootDeviceType"
    Get-EucaImage -Owner self | Group-Object RootDeviceType | Select-Object Name, Count | Out-Host

    Write-Host '> Disconnect-EucaCloud'
    Disconnect-EucaCloud
}
finally {
    $servers | Stop-EucaTestServer
}
