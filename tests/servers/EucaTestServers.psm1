# Starts and stops the servers that tests, Demo and Bench run against: the local compute endpoint
# (tests/Euca.Images.LocalCloud) and s3rver (object storage). Both bind 127.0.0.1 on a free port and exit on their
# own when the PowerShell process that started them is gone.

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ServersDir = $PSScriptRoot

function Get-EucaLocalCloudDefaults {
    <#
    The accounts and keys of the local cloud's embedded default configuration. Test-only values. s3rver accepts only
    the access key S3RVER, so the local cloud gives the same user account that key pair too: one connection then works
    for compute and object storage, as one key pair does on a real Eucalyptus.
    #>
    [pscustomobject]@{
        UserAccountId  = '123456789012'
        UserAccessKey  = 'AKIALOCALCLOUDUSER01'
        UserSecretKey  = 'localcloud-user-secret-not-for-production'
        AdminAccessKey = 'AKIALOCALCLOUDADMIN1'
        AdminSecretKey = 'localcloud-admin-secret-not-for-production'
        S3AccessKey    = 'S3RVER'
        S3SecretKey    = 'S3RVER'
        CertificateDirectory = Join-Path $script:RepoRoot 'tests/Euca.Images.LocalCloud/certs'
    }
}

function Start-ServerProcess {
    param(
        [Parameter(Mandatory)] [string] $FileName,
        [Parameter(Mandatory)] [string[]] $ArgumentList,
        [Parameter(Mandatory)] [string] $ReadyPattern,
        [string] $WorkingDirectory = $script:RepoRoot,
        [int] $TimeoutSeconds = 30
    )

    $info = [System.Diagnostics.ProcessStartInfo]::new($FileName)
    foreach ($argument in $ArgumentList) { $info.ArgumentList.Add($argument) }
    $info.WorkingDirectory = $WorkingDirectory
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    # Drain stderr in the background so a chatty server can never block on a full pipe.
    $stderr = $process.StandardError.ReadToEndAsync()

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        $lineTask = $process.StandardOutput.ReadLineAsync()
        $remaining = [Math]::Max(1, [int]($deadline - [DateTime]::UtcNow).TotalMilliseconds)
        if (-not $lineTask.Wait($remaining)) { break }
        $line = $lineTask.Result
        if ($null -eq $line) { break }
        if ($line -match $ReadyPattern) {
            # Keep reading stdout so the server never blocks writing to it.
            $null = $process.StandardOutput.ReadToEndAsync()
            return [pscustomobject]@{ Process = $process; Port = [int]$Matches['port'] }
        }
    }

    if (-not $process.HasExited) { $process.Kill($true) }
    $process.WaitForExit(5000) | Out-Null
    $errorText = if ($stderr.Wait(2000)) { $stderr.Result } else { '' }
    throw "$FileName did not report ready within $TimeoutSeconds s. $errorText"
}

function Install-EucaTestServerPackages {
    <# npm ci from the committed lock file, once per clone (s3rver). #>
    $marker = Join-Path $script:ServersDir 'node_modules/@20minutes/s3rver/package.json'
    if (Test-Path $marker) { return }
    Push-Location $script:ServersDir
    try {
        & npm ci --no-audit --no-fund --loglevel=error | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "npm ci failed in $script:ServersDir (exit $LASTEXITCODE)" }
    }
    finally { Pop-Location }
}

function Install-EucaDiskImageTools {
    <#
    qemu-img (Debian's qemu-utils) makes the disk images the format tests read and converts them for comparison.
    Installed with apt-get only when it is missing and this runs as root; otherwise the tests that need it fail
    saying how to install it.
    #>
    if (Get-Command qemu-img -ErrorAction SilentlyContinue) { return }
    $isRoot = $IsLinux -and (& id -u) -eq '0'
    if (-not $isRoot -or -not (Get-Command apt-get -ErrorAction SilentlyContinue)) {
        Write-Warning 'qemu-img is missing: the disk-format tests need it. Install it with: sudo apt-get install qemu-utils'
        return
    }
    & apt-get install -y --no-install-recommends qemu-utils | Out-Host
    if ($LASTEXITCODE -ne 0) {
        # A fresh machine may not have package lists yet.
        & apt-get update | Out-Host
        & apt-get install -y --no-install-recommends qemu-utils | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "apt-get install qemu-utils failed (exit $LASTEXITCODE)" }
    }
}

function Get-EucaLocalCloudAssembly {
    param([string] $Configuration = 'Release')
    $path = Join-Path $script:RepoRoot "tests/Euca.Images.LocalCloud/bin/$Configuration/net10.0/Euca.Images.LocalCloud.dll"
    if (-not (Test-Path $path)) {
        & dotnet build (Join-Path $script:RepoRoot 'tests/Euca.Images.LocalCloud') -c $Configuration --nologo -v quiet | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "Building the local cloud failed (exit $LASTEXITCODE)" }
    }
    $path
}

function Start-EucaLocalCloud {
    <#
    .SYNOPSIS
    Starts the local compute endpoint on a free loopback port and returns its URL and process.
    .PARAMETER TlsCertificate
    A PEM server certificate: the cloud then serves HTTPS with it (and -TlsKey) instead of HTTP.
    .PARAMETER CloudCertificate
    A PEM cloud certificate (with -CloudKey) replacing the configuration's, so this cloud plays another cloud; the test
    pair is certs/second-cloud-cert.pem and certs/second-cloud-key.pem.
    #>
    param(
        [string] $ConfigPath,
        [string] $Configuration = 'Release',
        # Object storage RegisterImage reads manifests from (Start-EucaObjectStorage's Url).
        [string] $ObjectStorageUrl,
        # How long new images stay pending (the server's default is 1 s).
        [double] $PendingSeconds = -1,
        # RegisterImage's image size cap in GB (Eucalyptus' default 30).
        [double] $MaxImageSizeGb = -1,
        # PEM server certificate and key: serve HTTPS instead of HTTP.
        [string] $TlsCertificate,
        [string] $TlsKey,
        # PEM image-bundling certificate and key of the cloud: play another cloud than the default one.
        [string] $CloudCertificate,
        [string] $CloudKey,
        # Further options, such as the disk import timings (see the local cloud's README).
        [string[]] $AdditionalArguments = @()
    )
    if ([bool]$TlsCertificate -ne [bool]$TlsKey) { throw '-TlsCertificate and -TlsKey go together.' }
    if ([bool]$CloudCertificate -ne [bool]$CloudKey) { throw '-CloudCertificate and -CloudKey go together.' }
    $arguments = @((Get-EucaLocalCloudAssembly -Configuration $Configuration), '--port', '0', '--parent-pid', "$PID")
    if ($ConfigPath) { $arguments += @('--config', $ConfigPath) }
    if ($ObjectStorageUrl) { $arguments += @('--object-storage-url', $ObjectStorageUrl) }
    if ($PendingSeconds -ge 0) { $arguments += @('--pending-seconds', $PendingSeconds.ToString([cultureinfo]::InvariantCulture)) }
    if ($MaxImageSizeGb -ge 0) { $arguments += @('--max-image-size-gb', $MaxImageSizeGb.ToString([cultureinfo]::InvariantCulture)) }
    if ($TlsCertificate) { $arguments += @('--tls-certificate', $TlsCertificate, '--tls-key', $TlsKey) }
    if ($CloudCertificate) { $arguments += @('--cloud-certificate', $CloudCertificate, '--cloud-key', $CloudKey) }
    $arguments += $AdditionalArguments
    $scheme = if ($TlsCertificate) { 'https' } else { 'http' }
    $server = Start-ServerProcess -FileName 'dotnet' -ArgumentList $arguments `
        -ReadyPattern "^LocalCloud listening on ${scheme}://127\.0\.0\.1:(?<port>\d+)/"
    [pscustomobject]@{
        Name    = 'LocalCloud'
        Process = $server.Process
        Url     = "${scheme}://127.0.0.1:$($server.Port)/"
    }
}

function Start-EucaObjectStorage {
    <#
    .SYNOPSIS
    Starts s3rver on a free loopback port with a fresh data directory and returns its URL and process.
    #>
    Install-EucaTestServerPackages
    $dataDir = Join-Path ([System.IO.Path]::GetTempPath()) ("euca-s3rver-" + [guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory -Path $dataDir | Out-Null
    $script = Join-Path $script:ServersDir 'start-s3rver.js'
    $server = Start-ServerProcess -FileName 'node' -WorkingDirectory $script:ServersDir `
        -ArgumentList @($script, '--parent-pid', "$PID", '-d', $dataDir, '-p', '0') `
        -ReadyPattern 'S3rver listening on 127\.0\.0\.1:(?<port>\d+)'
    [pscustomobject]@{
        Name    = 's3rver'
        Process = $server.Process
        Url     = "http://127.0.0.1:$($server.Port)/"
        DataDirectory = $dataDir
    }
}

function Stop-EucaTestServer {
    param([Parameter(ValueFromPipeline)] [object] $Server)
    process {
        if ($null -eq $Server) { return }
        if (-not $Server.Process.HasExited) {
            $Server.Process.Kill($true)
            $Server.Process.WaitForExit(10000) | Out-Null
        }
        $Server.Process.Dispose()
        if ($Server.PSObject.Properties['DataDirectory'] -and (Test-Path $Server.DataDirectory)) {
            Remove-Item -Recurse -Force $Server.DataDirectory
        }
    }
}

function Invoke-EucaObjectStorageRequest {
    <#
    A raw request to s3rver, for tests that must look at or place objects without going through the module.
    s3rver accepts any signature from the access key S3RVER (--allow-mismatched-signatures); it still wants a date.
    #>
    param(
        [Parameter(Mandatory)] [object] $Storage,
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'Get',
        [string] $InFile,
        # Return error answers (404, 409) instead of throwing.
        [switch] $AllowHttpError
    )
    $headers = @{ Authorization = 'AWS S3RVER:x'; 'x-amz-date' = [DateTime]::UtcNow.ToString('r') }
    $request = @{ Method = $Method; Uri = "$($Storage.Url)$Path"; Headers = $headers; SkipHttpErrorCheck = [bool]$AllowHttpError }
    if ($InFile) { $request.InFile = $InFile }
    Invoke-WebRequest @request
}

function Get-EucaStoredKey {
    <# The object keys in a bucket of the test object store; none when the bucket does not exist. #>
    param([Parameter(Mandatory)] [object] $Storage, [Parameter(Mandatory)] [string] $Bucket)
    $response = Invoke-EucaObjectStorageRequest -Storage $Storage -Path $Bucket -AllowHttpError
    if ($response.StatusCode -eq 404) { return @() }
    # An empty bucket's listing has no Contents element at all.
    @(([xml]$response.Content).SelectNodes("//*[local-name()='Contents']/*[local-name()='Key']") | ForEach-Object InnerText)
}

Export-ModuleMember -Function Invoke-EucaObjectStorageRequest, Get-EucaStoredKey, Get-EucaLocalCloudDefaults, Get-EucaLocalCloudAssembly, Install-EucaTestServerPackages, Install-EucaDiskImageTools, Start-EucaLocalCloud,
    Start-EucaObjectStorage, Stop-EucaTestServer
