# Euca.Images and another module that ships a different AWSSDK.Core build (as AWS.Tools does, with the same
# assembly version 4.0.0.0) must work in one PowerShell 7 session in either import order.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    $script:modulePath = Get-TestModulePath
    $script:cloud = Start-EucaLocalCloud
    $script:keys = Get-EucaLocalCloudDefaults
    # A real, older AWSSDK.Core build from NuGet, restored by tests/tools.
    $script:otherCore = Join-Path (Get-NuGetPackagesFolder) 'awssdk.core/4.0.3.3/lib/net8.0/AWSSDK.Core.dll'
    $script:ourCoreVersion = [System.Diagnostics.FileVersionInfo]::GetVersionInfo(
        (Join-Path (Split-Path $modulePath) 'Dependencies/AWSSDK.Core.dll')).FileVersion
    $script:connect = "Connect-EucaCloud -ComputeUrl '$($cloud.Url)' -AccessKey '$($keys.UserAccessKey)' -SecretKey '$($keys.UserSecretKey)'"
    $script:report = @'
"images=$(@(Get-EucaImage).Count)"
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' } |
    ForEach-Object { 'core=' + [System.Diagnostics.FileVersionInfo]::GetVersionInfo($_.Location).FileVersion }
'@
}

AfterAll {
    $cloud | Stop-EucaTestServer
}

Describe 'Dependency isolation on PowerShell 7' -Tags 'CI' {
    It 'the other AWSSDK.Core build is really a different build with the same assembly version' {
        $otherCore | Should -Exist
        [System.Reflection.AssemblyName]::GetAssemblyName($otherCore).Version | Should -Be ([version]'4.0.0.0')
        [System.Diagnostics.FileVersionInfo]::GetVersionInfo($otherCore).FileVersion | Should -Not -Be $ourCoreVersion
    }

    It 'works when another module loaded its AWSSDK.Core first' {
        $result = Invoke-ChildPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$otherCore'
Import-Module '$modulePath'
$connect
$report
"@
        $result.ExitCode | Should -Be 0 -Because $result.Error
        [int](($result.Output | Where-Object { $_ -like 'images=*' }) -replace 'images=') | Should -BeGreaterThan 0
        $cores = @($result.Output | Where-Object { $_ -like 'core=*' } | ForEach-Object { $_ -replace 'core=' } | Sort-Object -Unique)
        $cores.Count | Should -Be 2 -Because 'each module must run on its own AWSSDK.Core'
        $cores | Should -Contain $ourCoreVersion
    }

    It 'leaves the other module able to load its AWSSDK.Core after Euca.Images ran' {
        $result = Invoke-ChildPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$modulePath'
$connect
`$null = Get-EucaImage
Add-Type -Path '$otherCore'
# The other build must be usable: a static call into it runs its own code.
`$null = [Amazon.Util.AWSSDKUtils]::UrlEncode('a b', `$false)
$report
"@
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $cores = @($result.Output | Where-Object { $_ -like 'core=*' } | ForEach-Object { $_ -replace 'core=' } | Sort-Object -Unique)
        $cores.Count | Should -Be 2
    }
}
