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
