# Shared helpers for the Pester suites.



function Get-TestModulePath {
    <# The built module under test (set by Invoke-PesterSuite.ps1), else the default build output. #>
    if ($env:EUCA_IMAGES_TEST_MODULE) { return $env:EUCA_IMAGES_TEST_MODULE }
    Join-Path $PSScriptRoot '../../out/Euca.Images/Euca.Images.psd1'
}

function Get-RepoRoot { (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path }

function Invoke-ChildPwsh {
    <#
    Runs a script (-Script, as -Command; or -File with -ArgumentList, as a scheduled task runs one) in a fresh,
    non-interactive PowerShell process and returns its output lines and exit code. Tests that must observe
    import order, or that would otherwise leave the binary module loaded in the Pester process, use this.
    #>
    param([Parameter(Mandatory, ParameterSetName = 'Command')] [string] $Script,
        [Parameter(Mandatory, ParameterSetName = 'File')] [string] $File, [Parameter(ParameterSetName = 'File')] [string[]] $ArgumentList = @(),
        [hashtable] $Environment = @{})
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $run = if ($File) { @('-File', $File) + $ArgumentList } else { @('-Command', $Script) }
    foreach ($argument in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive') + $run) {
        $info.ArgumentList.Add($argument)
    }
    foreach ($key in $Environment.Keys) { $info.Environment[$key] = [string]$Environment[$key] }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit(120000)) { $process.Kill($true); throw 'Child pwsh timed out' }
    [pscustomobject]@{
        ExitCode = $process.ExitCode
        Output   = @($stdout.Result -split "`r?`n" | Where-Object { $_ -ne '' })
        Error    = $stderr.Result
    }
}

function Get-NuGetPackagesFolder {
    ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
}

Export-ModuleMember -Function Get-TestModulePath, Get-RepoRoot, Invoke-ChildPwsh, Get-NuGetPackagesFolder

function Get-Euca2oolsTestData {
    <# The bundles euca2ools 3.4 wrote, committed in tests/TestData (never regenerated). #>
    $path = Join-Path (Get-RepoRoot) 'tests/TestData/euca2ools-3.4'
    if (-not (Test-Path (Join-Path $path 'README.md'))) { throw "euca2ools test data not found at $path" }
    return (Resolve-Path $path).Path
}

function New-TestImage {
    <# A disk-like test image: random bytes, then zeros, then text, from a fixed seed. #>
    param([string] $Path, [int] $Seed, [int] $RandomBytes, [int] $ZeroBytes, [int] $TextBytes)
    $random = [System.Random]::new($Seed)
    $data = [byte[]]::new($RandomBytes + $ZeroBytes + $TextBytes)
    $noise = [byte[]]::new($RandomBytes); $random.NextBytes($noise)
    [Array]::Copy($noise, $data, $RandomBytes)
    $text = [System.Text.Encoding]::ASCII.GetBytes(('The quick brown fox jumps over the lazy dog {0}. ' * ($TextBytes / 40 + 1)) -f $Seed)
    [Array]::Copy($text, 0, $data, $RandomBytes + $ZeroBytes, $TextBytes)
    [System.IO.File]::WriteAllBytes($Path, $data)
}

Export-ModuleMember -Function Get-Euca2oolsTestData, New-TestImage

function Clear-EucaCloudEnvironment {
    <# Ambient cloud settings of the machine running the tests must not leak into them. #>
    foreach ($name in 'EC2_URL', 'S3_URL', 'EUCA_BOOTSTRAP_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY',
        'AWS_SECRET_KEY', 'EC2_ACCESS_KEY', 'EC2_SECRET_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'EC2_USER_ID', 'EC2_CERT',
        'EC2_PRIVATE_KEY', 'EUCALYPTUS_CERT', 'EUCA_DEFAULT_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE') {
        Remove-Item "env:$name" -ErrorAction SilentlyContinue
    }
}

Export-ModuleMember -Function Clear-EucaCloudEnvironment

function New-LargeTestFile {
    <# A file of -SizeMiB MiB that compresses about as little as a real disk's used blocks (a repeated random MiB). #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [int] $SizeMiB)
    $block = [byte[]]::new(1MB)
    [System.Random]::new(11).NextBytes($block)
    $file = [System.IO.File]::Create($Path)
    try { for ($i = 0; $i -lt $SizeMiB; $i++) { $file.Write($block, 0, $block.Length) } }
    finally { $file.Dispose() }
}

function Invoke-CapturingProgress {
    <#
    Runs a script with the module in a runspace of its own and returns what a host would show: each progress record
    with the seconds after the start at which it arrived, plus the output and errors.
    #>
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Parameters = @{})
    $ps = [powershell]::Create()
    try {
        $null = $ps.AddScript("Import-Module '$(Get-TestModulePath)'").AddStatement().AddScript($Script).AddParameters($Parameters)
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $invocation = $ps.BeginInvoke()
        $seen = 0
        $records = [System.Collections.Generic.List[object]]::new()
        while ($true) {
            $done = $invocation.IsCompleted
            $progress = $ps.Streams.Progress
            for (; $seen -lt $progress.Count; $seen++) {
                $records.Add([pscustomobject]@{ Seconds = $clock.Elapsed.TotalSeconds; Record = $progress[$seen] })
            }
            if ($done) { break }
            Start-Sleep -Milliseconds 20
        }
        $output = $ps.EndInvoke($invocation)
        [pscustomobject]@{ Progress = $records; Output = $output; Errors = @($ps.Streams.Error) }
    }
    finally { $ps.Dispose() }
}

function ConvertFrom-ByteSizeText {
    <# Reads a size the module's progress shows ("10.0 MiB", "1.2 GiB", "512 B") as bytes. #>
    param([Parameter(Mandatory)] [string] $Text)
    if ($Text -notmatch '^(?<n>[\d.]+) (?<unit>B|KiB|MiB|GiB|TiB)$') { throw "Not a size: '$Text'" }
    $scale = @{ B = 1; KiB = 1KB; MiB = 1MB; GiB = 1GB; TiB = 1TB }[$Matches.unit]
    [double]::Parse($Matches.n, [cultureinfo]::InvariantCulture) * $scale
}

Export-ModuleMember -Function New-LargeTestFile, Invoke-CapturingProgress, ConvertFrom-ByteSizeText
function ConvertTo-QemuTestImage {
    <#
    A disk image in another format made from a raw one by qemu-img (Debian's qemu-utils, which build.ps1 Test installs
    when it runs as root). -Options are qemu-img's, e.g. '-o', 'subformat=streamOptimized'.
    #>
    param([string] $RawPath, [string] $Format, [string] $Path, [string[]] $Options = @())
    if (-not (Get-Command qemu-img -ErrorAction SilentlyContinue)) {
        throw 'This test needs qemu-img, which is not installed: install qemu-utils (build.ps1 Test does it when run as root).'
    }
    & qemu-img convert -q -f raw -O $Format @Options $RawPath $Path
    if ($LASTEXITCODE -ne 0) { throw "qemu-img convert -O $Format failed (exit $LASTEXITCODE)" }
    $Path
}

Export-ModuleMember -Function ConvertTo-QemuTestImage
function Get-StoredBundleImageHash {
    <#
    Downloads and expands a stored bundle with the test user's private key and returns the SHA-256 of the image it
    holds: it fails unless every part is there, intact, and decrypts.
    #>
    param([Parameter(Mandatory)] [string] $ManifestLocation, [Parameter(Mandatory)] [string] $PrivateKey, [Parameter(Mandatory)] [string] $WorkFolder)
    $destination = Join-Path $WorkFolder ([guid]::NewGuid().ToString('N'))
    $expanded = Expand-EucaBundle -ManifestLocation $ManifestLocation -PrivateKey $PrivateKey -Destination $destination -ErrorAction Stop
    try { (Get-FileHash -Algorithm SHA256 -LiteralPath $expanded.Path).Hash }
    finally { Remove-Item -Recurse -Force $destination }
}

Export-ModuleMember -Function Get-StoredBundleImageHash

function Get-TestSigningArguments {
    <# The local cloud's test user certificate, its private key and the cloud certificate, as bundling cmdlets take them. #>
    param([Parameter(Mandatory)] [object] $Keys)
    $certs = $Keys.CertificateDirectory
    @{ Certificate = Join-Path $certs 'user-cert.pem'; PrivateKey = Join-Path $certs 'user-key.pem'; CloudCertificate = Join-Path $certs 'cloud-cert.pem' }
}

Export-ModuleMember -Function Get-TestSigningArguments

function New-AdminCloudConfig {
    <#
    A local cloud configuration (written to -Path, which is returned) where the S3RVER key is the administrator's:
    kernels and ramdisks need an administrator, and s3rver knows only that key. Both accounts get the test user's
    certificate, and the cloud its certificate, to verify manifests with.
    #>
    param([Parameter(Mandatory)] [object] $Keys, [Parameter(Mandatory)] [string] $Path)
    $certs = $Keys.CertificateDirectory
    $config = Get-Content -Raw (Join-Path (Get-RepoRoot) 'tests/Euca.Images.LocalCloud/default-cloud.json') | ConvertFrom-Json
    $admin = $config.accounts | Where-Object accountId -eq '000000000001'
    $user = $config.accounts | Where-Object accountId -eq '123456789012'
    $admin.accessKeys += ($user.accessKeys | Where-Object accessKeyId -eq 'S3RVER')
    $user.accessKeys = @($user.accessKeys | Where-Object accessKeyId -ne 'S3RVER')
    $admin | Add-Member certificate ([pscustomobject]@{ certificatePath = Join-Path $certs 'user-cert.pem'; privateKeyPath = Join-Path $certs 'user-key.pem' })
    $user.certificate.certificatePath = Join-Path $certs 'user-cert.pem'; $user.certificate.privateKeyPath = Join-Path $certs 'user-key.pem'
    $config.cloudCertificate.certificatePath = Join-Path $certs 'cloud-cert.pem'; $config.cloudCertificate.privateKeyPath = Join-Path $certs 'cloud-key.pem'
    $config | ConvertTo-Json -Depth 20 | Set-Content $Path
    $Path
}

Export-ModuleMember -Function New-AdminCloudConfig

function Remove-LastImportPart {
    <#
    Deletes the last part of the disk import stored in -Bucket of s3rver (each object is <data>/<bucket>/<key> plus
    ._S3rver_* files): its conversion task then stays active, waiting for the part, as after an import stopped midway.
    #>
    param([Parameter(Mandatory)] $Storage, [Parameter(Mandatory)] [string] $Bucket)
    $parts = Get-ChildItem -Recurse -File (Join-Path $Storage.DataDirectory $Bucket) -Filter '*.part.*._S3rver_object'
    $last = $parts | Sort-Object { [int]($_.Name -replace '^.*\.part\.(\d+)\..*$', '$1') } | Select-Object -Last 1
    $stem = $last.Name -replace '_object$', ''
    Get-ChildItem -File -LiteralPath $last.DirectoryName | Where-Object { $_.Name.StartsWith($stem) } | Remove-Item -LiteralPath { $_.FullName }
}

Export-ModuleMember -Function Remove-LastImportPart
