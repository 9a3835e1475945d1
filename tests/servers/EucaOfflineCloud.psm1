<#
Start-EucaOfflineCloud / Stop-EucaOfflineCloud: the local cloud and its object storage for people, not tests. Both
servers run in the background on 127.0.0.1 until stopped, keep their state in a folder the user names (a second start
on the same folder finds the same images, snapshots, volumes, instances and objects), and are described by a
euca2ools-style .ini and environment snippets written into that folder, so Euca.Images, euca2ools and AWS.Tools can all
be pointed at them. The test helpers in EucaTestServers.psm1 (Start-EucaLocalCloud, ...) are separate on purpose: they
start throw-away servers tied to the test process.
#>

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

Import-Module (Join-Path $PSScriptRoot 'EucaTestServers.psm1')

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:RegionName = 'localcloud'
$script:UserName = 'devteam'

function Start-EucaOfflineCloud {
    <#
    .SYNOPSIS
    Starts the local cloud and object storage in the background, keeping their state in a folder.
    .DESCRIPTION
    Starts s3rver (object storage, data in PATH/objectstorage) and the local compute endpoint (state in PATH/compute)
    on 127.0.0.1, writes PATH/euca2ools.ini, PATH/env.ps1 and PATH/env.sh, and returns the endpoints, keys and
    certificate paths. The servers keep running after this PowerShell exits; stop them with Stop-EucaOfflineCloud.
    .PARAMETER Path
    The folder that keeps the cloud's state between runs (created if needed).
    .PARAMETER Reset
    Wipes the folder first (stopping servers still running from it): the cloud starts as new.
    .PARAMETER ComputePort
    The compute endpoint's port; 0 (the default) picks a free one. The files written give the port chosen.
    .PARAMETER ObjectStoragePort
    The object storage port; 0 (the default) picks a free one.
    .EXAMPLE
    Start-EucaOfflineCloud -Path ~/euca-sandbox
    .EXAMPLE
    Start-EucaOfflineCloud -Path ~/euca-sandbox -Reset -ComputePort 8773 -ObjectStoragePort 8774
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [string] $Path,
        [switch] $Reset,
        [ValidateRange(0, 65535)] [int] $ComputePort = 0,
        [ValidateRange(0, 65535)] [int] $ObjectStoragePort = 0
    )
    $folder = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
    if ($Reset) { Stop-EucaOfflineCloud -Path $folder -Reset }
    if (Get-RunningServer -Folder $folder) {
        throw "The offline cloud in $folder is already running; Stop-EucaOfflineCloud -Path '$folder' stops it."
    }

    $logs = New-Item -ItemType Directory -Force -Path (Join-Path $folder 'logs')
    Install-EucaTestServerPackages
    $storageData = New-Item -ItemType Directory -Force -Path (Join-Path $folder 'objectstorage')
    $storage = Start-BackgroundServer -Name 's3rver' -FileName 'node' -WorkingDirectory $PSScriptRoot -Log (Join-Path $logs 's3rver.log') `
        -ArgumentList @((Join-Path $PSScriptRoot 'start-s3rver.js'), '-d', $storageData.FullName, '-p', "$ObjectStoragePort") `
        -ReadyPattern 'S3rver listening on 127\.0\.0\.1:(?<port>\d+)'
    try {
        $storageUrl = "http://127.0.0.1:$($storage.Port)/"
        $compute = Start-BackgroundServer -Name 'LocalCloud' -FileName 'dotnet' -WorkingDirectory $script:RepoRoot -Log (Join-Path $logs 'localcloud.log') `
            -ArgumentList @((Get-EucaLocalCloudAssembly), '--port', "$ComputePort", '--object-storage-url', $storageUrl,
                '--state-directory', (Join-Path $folder 'compute')) `
            -ReadyPattern 'LocalCloud listening on http://127\.0\.0\.1:(?<port>\d+)/'
    }
    catch {
        Stop-RecordedServer $storage
        throw
    }

    @($storage, $compute) | ConvertTo-Json | Set-Content -Path (Join-Path $folder 'servers.json') -Encoding utf8NoBOM
    $cloud = New-CloudDescription -Folder $folder -ComputeUrl "http://127.0.0.1:$($compute.Port)/" -StorageUrl $storageUrl
    Write-Euca2oolsConfig -Cloud $cloud
    Write-EnvironmentSnippets -Cloud $cloud
    $cloud
}

function Stop-EucaOfflineCloud {
    <#
    .SYNOPSIS
    Stops the offline cloud started from a folder; with -Reset also wipes the folder.
    .DESCRIPTION
    Asks both servers to stop (the compute endpoint saves its state as it exits), waits for them, and removes
    PATH/servers.json. The state stays in the folder for the next Start-EucaOfflineCloud unless -Reset is given.
    .PARAMETER Path
    The folder given to Start-EucaOfflineCloud.
    .PARAMETER Reset
    Deletes the folder and everything in it after stopping the servers.
    .EXAMPLE
    Stop-EucaOfflineCloud -Path ~/euca-sandbox
    .EXAMPLE
    Stop-EucaOfflineCloud -Path ~/euca-sandbox -Reset
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [string] $Path,
        [switch] $Reset
    )
    $folder = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
    $record = Join-Path $folder 'servers.json'
    if (Test-Path $record) {
        # Compute first: it may still be writing what it read from object storage.
        foreach ($server in @(Get-Content $record -Raw | ConvertFrom-Json) | Sort-Object { $_.Name -ne 'LocalCloud' }) {
            Stop-RecordedServer $server
        }
        Remove-Item $record
    }
    if ($Reset -and (Test-Path $folder)) { Remove-Item -Recurse -Force $folder }
}

function Get-RunningServer {
    param([string] $Folder)
    $record = Join-Path $Folder 'servers.json'
    if (-not (Test-Path $record)) { return }
    @(Get-Content $record -Raw | ConvertFrom-Json) | Where-Object { Get-RecordedProcess $_ }
}

function Get-RecordedProcess {
    <# The recorded server's process, unless it has exited (or its id now belongs to another process). Start times
       read by different processes can differ by a few milliseconds on Linux (derived from the boot time). #>
    param($Server)
    $process = Get-Process -Id $Server.ProcessId -ErrorAction SilentlyContinue
    if ($process -and [Math]::Abs($process.StartTime.ToUniversalTime().Ticks - [long]$Server.StartTicks) -lt [TimeSpan]::TicksPerSecond) { $process }
}

function Stop-RecordedServer {
    param($Server)
    $process = Get-RecordedProcess $Server
    if (-not $process) { return }
    # On Unix a SIGTERM lets the local cloud save its state and s3rver finish writing; Windows has no such signal for
    # console processes, and the local cloud saves every change within a quarter of a second anyway.
    if (-not $IsWindows) { & kill -TERM $process.Id }
    if ($IsWindows -or -not $process.WaitForExit(10000)) { $process.Kill($true) }
    $process.WaitForExit(10000) | Out-Null
}

function Start-BackgroundServer {
    <# Starts a server detached from this session, its output in a log file, and waits for its readiness line. #>
    param([string] $Name, [string] $FileName, [string[]] $ArgumentList, [string] $WorkingDirectory, [string] $Log, [string] $ReadyPattern)
    $quoted = $ArgumentList | ForEach-Object { if ($_ -match '\s') { '"' + $_ + '"' } else { $_ } }
    $process = Start-Process -FilePath $FileName -ArgumentList $quoted -WorkingDirectory $WorkingDirectory -PassThru `
        -RedirectStandardOutput $Log -RedirectStandardError "$Log.err"
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ([DateTime]::UtcNow -lt $deadline -and -not $process.HasExited) {
        $ready = Select-String -Path $Log -Pattern $ReadyPattern -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($ready) {
            return [pscustomobject]@{
                Name = $Name; ProcessId = $process.Id; StartTicks = $process.StartTime.ToUniversalTime().Ticks
                Port = [int]$ready.Matches[0].Groups['port'].Value
            }
        }
        Start-Sleep -Milliseconds 100
    }
    if (-not $process.HasExited) { $process.Kill($true) }
    throw "$Name did not start within 30 s: $((Get-Content "$Log.err" -Raw -ErrorAction SilentlyContinue))"
}

function New-CloudDescription {
    param([string] $Folder, [string] $ComputeUrl, [string] $StorageUrl)
    $defaults = Get-EucaLocalCloudDefaults
    $certs = $defaults.CertificateDirectory
    [pscustomobject]@{
        PSTypeName         = 'Euca.OfflineCloud'
        Path               = $Folder
        ComputeUrl         = "${ComputeUrl}services/compute"
        ObjectStorageUrl   = $StorageUrl
        BootstrapUrl       = "${ComputeUrl}services/Empyrean"
        Region             = "$script:UserName@$script:RegionName"
        AccountId          = $defaults.UserAccountId
        # s3rver accepts only this key pair; the local cloud gives the same account that pair too.
        AccessKey          = $defaults.S3AccessKey
        SecretKey          = $defaults.S3SecretKey
        CloudCertificate   = Join-Path $certs 'cloud-cert.pem'
        UserCertificate    = Join-Path $certs 'user-cert.pem'
        UserPrivateKey     = Join-Path $certs 'user-key.pem'
        Euca2oolsConfig    = Join-Path $Folder 'euca2ools.ini'
        PowerShellSnippet  = Join-Path $Folder 'env.ps1'
        ShellSnippet       = Join-Path $Folder 'env.sh'
    }
}

function Write-Euca2oolsConfig {
    param($Cloud)
    @(
        '# Written by Start-EucaOfflineCloud: the offline local cloud (test-only keys). Use with EUCA_CONFIG_PATH.'
        '[global]'
        "default-region = $script:RegionName"
        ''
        "[region $script:RegionName]"
        "ec2-url = $($Cloud.ComputeUrl)"
        "s3-url = $($Cloud.ObjectStorageUrl)"
        "bootstrap-url = $($Cloud.BootstrapUrl)"
        "certificate = $($Cloud.CloudCertificate)"
        "user = $script:UserName"
        ''
        "[user $script:UserName]"
        "key-id = $($Cloud.AccessKey)"
        "secret-key = $($Cloud.SecretKey)"
        "account-id = $($Cloud.AccountId)"
        "certificate = $($Cloud.UserCertificate)"
        "private-key = $($Cloud.UserPrivateKey)"
    ) | Set-Content -Path $Cloud.Euca2oolsConfig -Encoding utf8NoBOM
}

function Write-EnvironmentSnippets {
    <# The same settings as environment variables: euca2ools/eucarc names for Euca.Images and euca2ools, and the
       AWS SDK's endpoint variables for AWS.Tools and the AWS CLI. #>
    param($Cloud)
    $variables = [ordered]@{
        EUCA_CONFIG_PATH      = $Cloud.Euca2oolsConfig
        EC2_URL               = $Cloud.ComputeUrl
        S3_URL                = $Cloud.ObjectStorageUrl
        EUCA_BOOTSTRAP_URL    = $Cloud.BootstrapUrl
        EC2_USER_ID           = $Cloud.AccountId
        AWS_ACCESS_KEY_ID     = $Cloud.AccessKey
        AWS_SECRET_ACCESS_KEY = $Cloud.SecretKey
        EC2_CERT              = $Cloud.UserCertificate
        EC2_PRIVATE_KEY       = $Cloud.UserPrivateKey
        EUCALYPTUS_CERT       = $Cloud.CloudCertificate
        AWS_ENDPOINT_URL_EC2  = $Cloud.ComputeUrl
        AWS_ENDPOINT_URL_S3   = $Cloud.ObjectStorageUrl
        AWS_REGION            = 'eucalyptus'
    }
    $variables.GetEnumerator() | ForEach-Object { "`$env:$($_.Key) = '$($_.Value -replace "'", "''")'" } |
        Set-Content -Path $Cloud.PowerShellSnippet -Encoding utf8NoBOM
    $variables.GetEnumerator() | ForEach-Object { "export $($_.Key)='$($_.Value -replace "'", "'\''")'" } |
        Set-Content -Path $Cloud.ShellSnippet -Encoding utf8NoBOM
}

Export-ModuleMember -Function Start-EucaOfflineCloud, Stop-EucaOfflineCloud
