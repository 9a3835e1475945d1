# examples/Invoke-ImageRotation.ps1 as a scheduled task runs it (pwsh -NonInteractive -File), twice in a row against
# the local cloud and s3rver with a stored profile, and the about_Euca.Images_Unattended topic the module ships.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:keys = Get-EucaLocalCloudDefaults
    $script:storage = Start-EucaObjectStorage
    $script:cloud = Start-EucaLocalCloud -ObjectStorageUrl $storage.Url -PendingSeconds 0.2
    $signing = Get-TestSigningArguments $keys
    $script:userKey = $signing.PrivateKey

    # The task's profile, saved once as an administrator would, in a profile folder of this test run.
    $script:savedXdg = $env:XDG_CONFIG_HOME
    $env:XDG_CONFIG_HOME = Join-Path $TestDrive 'config'
    Connect-EucaCloud -ComputeUrl $cloud.Url -ObjectStorageUrl $storage.Url -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey `
        -AccountId $keys.UserAccountId @signing -PassThru -NoDefault |
        Set-EucaCredential -StoreAs rotation-task

    $script:rotationScript = Join-Path (Get-RepoRoot) 'examples/Invoke-ImageRotation.ps1'
    $script:disk = Join-Path $TestDrive 'web.raw'
    $script:log = Join-Path $TestDrive 'rotation.log'
    $script:task = @{ XDG_CONFIG_HOME = $env:XDG_CONFIG_HOME }

    function Invoke-Rotation([string] $ImagePath) {
        Invoke-ChildPwsh -File $rotationScript -Environment $task -ArgumentList @(
            '-Path', $ImagePath, '-Rotation', 'web', '-Bucket', 'rotation', '-Keep', '1', '-ProfileName', 'rotation-task',
            '-LogPath', $log, '-ModulePath', (Get-TestModulePath))
    }
}

AfterAll {
    $env:XDG_CONFIG_HOME = $savedXdg
    $cloud, $storage | Stop-EucaTestServer
}

Describe 'examples/Invoke-ImageRotation.ps1' -Tags 'CI' {
    It 'installs, then on the next run replaces, the image: only the newest and its complete bundle remain' {
        New-TestImage -Path $disk -Seed 51 -RandomBytes 300000 -ZeroBytes 100000 -TextBytes 20000
        $first = Invoke-Rotation $disk
        $first.ExitCode | Should -Be 0 -Because ((Get-Content $log -Raw) + $first.Error)

        New-TestImage -Path $disk -Seed 52 -RandomBytes 300000 -ZeroBytes 100000 -TextBytes 20000
        $secondHash = (Get-FileHash -Algorithm SHA256 $disk).Hash
        $second = Invoke-Rotation $disk
        $second.ExitCode | Should -Be 0 -Because ((Get-Content $log -Raw) + $second.Error)

        Connect-EucaCloud -ProfileName rotation-task
        $remaining = @(Get-EucaImage -Owner self -Tag @{ rotation = 'web' })
        $remaining.Count | Should -Be 1
        Get-StoredBundleImageHash -ManifestLocation $remaining[0].ImageLocation -PrivateKey $userKey -WorkFolder $TestDrive | Should -Be $secondHash
        # Nothing but that bundle is left in the bucket: the first image's bundle went with it.
        $prefix = [IO.Path]::GetDirectoryName($remaining[0].ImageLocation.Substring('rotation/'.Length)).Replace('\', '/') + '/'
        $stored = @(Get-EucaStoredKey $storage 'rotation')
        $stored | Where-Object { -not $_.StartsWith($prefix) } | Should -BeNullOrEmpty
        $stored | Should -Contain ($prefix + 'web.raw.manifest.xml')
        Get-Content $log -Raw | Should -Match "Retired emi-[0-9a-f]+ and its bundle rotation/web/"
    }

    It 'exits 1 and logs why when a step fails' {
        $run = Invoke-Rotation (Join-Path $TestDrive 'missing.raw')
        $run.ExitCode | Should -Be 1
        Get-Content $log -Raw | Should -Match 'FAILED: '
    }
}

Describe 'about_Euca.Images_Unattended' -Tags 'CI' {
    It 'ships in the built module and covers profiles, Task Scheduler, cron and systemd, -Force, exit codes and logging' {
        Test-Path (Join-Path (Split-Path (Get-TestModulePath)) 'en-US/about_Euca.Images_Unattended.help.txt') | Should -BeTrue
        $topic = Get-Help about_Euca.Images_Unattended | Out-String
        foreach ($subject in 'Set-EucaCredential -StoreAs', 'Register-ScheduledTask', 'pwsh -NonInteractive -File', 'crontab', 'systemd', '-Force', 'exit code', 'Start-Transcript') {
            $topic | Should -Match ([regex]::Escape($subject))
        }
    }
}
