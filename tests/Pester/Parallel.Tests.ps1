# The module in parallel runspaces of one process (ForEach-Object -Parallel, Start-ThreadJob): it loads once per
# process, each runspace has its own default connection, and four installs of different images into one bucket at
# the same time all end registered with complete bundles.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:keys = Get-EucaLocalCloudDefaults
    $script:storage = Start-EucaObjectStorage
    $script:cloud = Start-EucaLocalCloud -ObjectStorageUrl $storage.Url -PendingSeconds 0.2
    $script:signing = Get-TestSigningArguments $keys
    $script:userKey = $signing.PrivateKey
    $script:connect = @{ ComputeUrl = $cloud.Url; ObjectStorageUrl = $storage.Url; AccessKey = $keys.S3AccessKey; SecretKey = $keys.S3SecretKey; AccountId = $keys.UserAccountId }
    # The test's own runspace has a default connection of its own, which the parallel runspaces must not see.
    Connect-EucaCloud -ComputeUrl $cloud.Url -AccessKey $keys.AdminAccessKey -SecretKey $keys.AdminSecretKey

    $script:jobs = 1..4 | ForEach-Object {
        $path = Join-Path $TestDrive "parallel-$_.img"
        New-TestImage -Path $path -Seed (40 + $_) -RandomBytes 400000 -ZeroBytes 200000 -TextBytes 50000
        [pscustomobject]@{ Index = $_; Path = $path; Hash = (Get-FileHash -Algorithm SHA256 $path).Hash }
    }
}

AfterAll {
    Disconnect-EucaCloud
    $cloud, $storage | Stop-EucaTestServer
}

Describe 'Parallel runspaces' -Tags 'CI' {
    It 'installs four images into one bucket at once, each runspace with its own connection' {
        $module = Get-TestModulePath
        $results = $jobs | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:module
            $before = try { Get-EucaCloud } catch { $null }
            $connectArgs = $using:connect
            Connect-EucaCloud @connectArgs
            $signingArgs = $using:signing
            $image = Install-EucaImage -Path $_.Path -Name "parallel-$($_.Index)" -Bucket 'parallel' -Architecture x86_64 @signingArgs -Confirm:$false
            [pscustomobject]@{
                Index           = $_.Index
                Image           = $image
                AccessKeyBefore = $before.AccessKey
                AccessKeyAfter  = (Get-EucaCloud).AccessKey
                EngineAssembly  = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($image.GetType().Assembly).Name + '|' + $image.GetType().Assembly.GetHashCode()
            }
        }

        $results.Count | Should -Be 4
        # No runspace saw this runspace's default connection, and this one still has its own.
        $results.AccessKeyBefore | Should -Not -Contain $keys.AdminAccessKey
        $results.AccessKeyAfter | Select-Object -Unique | Should -Be $keys.S3AccessKey
        (Get-EucaCloud).AccessKey | Should -Be $keys.AdminAccessKey
        # One engine for the process: every runspace's objects come from the same assembly in the same load context.
        $results.EngineAssembly | Select-Object -Unique | Should -HaveCount 1

        Connect-EucaCloud @connect
        foreach ($result in $results) {
            $job = $jobs | Where-Object Index -eq $result.Index
            $result.Image.ImageLocation | Should -Be "parallel/parallel-$($result.Index).img.manifest.xml"
            (Wait-EucaImage -ImageId $result.Image.ImageId -State available -TimeoutSeconds 30).Name | Should -Be "parallel-$($result.Index)"
            Get-StoredBundleImageHash -ManifestLocation $result.Image.ImageLocation -PrivateKey $userKey -WorkFolder $TestDrive | Should -Be $job.Hash
        }
    }

    It 'works in Start-ThreadJob too, with the connection given per call' {
        $module = Get-TestModulePath
        $job = Start-ThreadJob -ArgumentList $module, $connect -ScriptBlock {
            param($Module, $Connect)
            Import-Module $Module
            $connection = Connect-EucaCloud @Connect -NoDefault
            [pscustomobject]@{ Images = @(Get-EucaImage -Connection $connection -Owner self -Name 'parallel-*').Count; Default = try { Get-EucaCloud } catch { $null } }
        }
        $result = $job | Wait-Job -Timeout 120 | Receive-Job
        $job | Remove-Job -Force
        $result.Images | Should -Be 4
        $result.Default.AccessKey | Should -BeNullOrEmpty
    }
}
