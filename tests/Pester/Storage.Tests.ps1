# Send-EucaBundle, Save-EucaBundle, Remove-EucaBundle, Expand-EucaBundle -ManifestLocation and New-EucaBundle -Bucket
# through the module against a real object store (s3rver) on 127.0.0.1.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:storage = Start-EucaObjectStorage
    $script:connection = Connect-EucaCloud -ObjectStorageUrl $storage.Url -AccessKey S3RVER -SecretKey S3RVER -AccountId 123456789012 -PassThru
    $keys = Join-Path (Get-Euca2oolsTestData) 'keys'
    $script:userKey = Join-Path $keys 'user-key.pem'
    $script:bundleArgs = @{
        Architecture = 'x86_64'; AccountId = '123456789012'; PartSize = 65536
        Certificate = (Join-Path $keys 'user-cert.pem'); PrivateKey = $userKey; CloudCertificate = (Join-Path $keys 'cloud-cert.pem')
    }
    $script:image = Join-Path $TestDrive 'disk.img'
    New-TestImage -Path $image -Seed 11 -RandomBytes 300000 -ZeroBytes 200000 -TextBytes 100000
    $script:bundle = New-EucaBundle -Path $image @bundleArgs -Destination (Join-Path $TestDrive 'bundle')
}

AfterAll {
    Disconnect-EucaCloud -ErrorAction SilentlyContinue
    $storage | Stop-EucaTestServer
}

Describe 'Send-EucaBundle' -Tags 'CI' {
    It 'uploads the parts and the manifest and emits the manifest location' {
        $upload = Send-EucaBundle -ManifestPath $bundle.ManifestPath -Bucket 'send' -KeyPrefix 'images/2026' -Connection $connection
        $upload.ManifestLocation | Should -Be 'send/images/2026/disk.img.manifest.xml'
        $upload.PartsUploaded | Should -Be $bundle.Parts.Count
        $upload.PartsSkipped | Should -Be 0
        $saved = Save-EucaBundle -ManifestLocation $upload.ManifestLocation -Destination (Join-Path $TestDrive 'saved') -Connection $connection
        $saved.Parts.Digest | Should -Be $bundle.Parts.Digest
        (Get-FileHash $saved.ManifestPath).Hash | Should -Be (Get-FileHash $bundle.ManifestPath).Hash
    }

    It 'takes the bundle object from the pipeline and with -Resume sends only the manifest again' {
        $bundle | Send-EucaBundle -Bucket 'resume' -Connection $connection | Out-Null
        $again = $bundle | Send-EucaBundle -Bucket 'resume' -Resume -Connection $connection
        $again.PartsSkipped | Should -Be $bundle.Parts.Count
        $again.PartsUploaded | Should -Be 0
    }

    It 'uploads every manifest file piped from Get-ChildItem' {
        $uploads = Get-ChildItem (Join-Path $bundle.Directory '*.manifest.xml') | Send-EucaBundle -Bucket 'piped' -Connection $connection
        $uploads.ManifestLocation | Should -Be 'piped/disk.img.manifest.xml'
    }

    It 'names the missing part and uploads nothing when a part file is gone' {
        $copy = Join-Path $TestDrive 'broken'
        Copy-Item -Recurse (Join-Path $TestDrive 'bundle') $copy
        Remove-Item (Join-Path $copy 'disk.img.part.01')
        { Send-EucaBundle -ManifestPath (Join-Path $copy 'disk.img.manifest.xml') -Bucket 'broken' -Connection $connection -ErrorAction Stop } |
            Should -Throw -ErrorId 'BundlePartMissing*'
    }

    It 'writes nothing with -WhatIf' {
        Send-EucaBundle -ManifestPath $bundle.ManifestPath -Bucket 'whatif' -Connection $connection -WhatIf | Should -BeNullOrEmpty
        { Save-EucaBundle 'whatif/disk.img.manifest.xml' -Destination (Join-Path $TestDrive 'w') -Connection $connection -ErrorAction Stop } |
            Should -Throw -ErrorId 'StorageBucketNotFound*'
    }

    It 'warns what was stored and how to resume when stopped' {
        $big = Join-Path $TestDrive 'big.img'
        New-TestImage -Path $big -Seed 3 -RandomBytes 12000000 -ZeroBytes 0 -TextBytes 1000
        $bigBundle = New-EucaBundle -Path $big @bundleArgs -Destination (Join-Path $TestDrive 'big') -PartSize 65536
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
            param($module, $url, $manifest)
            Import-Module $module
            $c = Connect-EucaCloud -ObjectStorageUrl $url -AccessKey S3RVER -SecretKey S3RVER -PassThru
            Send-EucaBundle -ManifestPath $manifest -Bucket 'stopped' -ThrottleLimit 1 -Connection $c
        }).AddArgument((Get-TestModulePath)).AddArgument($storage.Url).AddArgument($bigBundle.ManifestPath)
        $async = $ps.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while (-not (Test-Path (Join-Path $storage.DataDirectory 'stopped')) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        Start-Sleep -Milliseconds 500
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 1.5
        $async.IsCompleted | Should -BeTrue
        $warning = $ps.Streams.Warning | Where-Object Message -Match 'part\(s\) are stored' | Select-Object -First 1
        $warning.Message | Should -Match 'part\(s\) are stored'
        $warning.Message | Should -Match 'Send-EucaBundle .* -Resume'
        $warning.Message | Should -Match 'Remove-EucaBundle -ManifestLocation stopped/big.img.manifest.xml'
        $ps.Dispose()
        { Save-EucaBundle 'stopped/big.img.manifest.xml' -Destination (Join-Path $TestDrive 's') -Connection $connection -ErrorAction Stop } |
            Should -Throw -ErrorId 'StorageManifestNotFound*'
        Remove-EucaBundle 'stopped/big.img.manifest.xml' -RemoveBucket -Force -Connection $connection
        Test-Path (Join-Path $storage.DataDirectory 'stopped') | Should -BeFalse
    }
}

Describe 'Save-EucaBundle and Expand-EucaBundle -ManifestLocation' -Tags 'CI' {
    BeforeAll {
        $script:stored = Send-EucaBundle -ManifestPath $bundle.ManifestPath -Bucket 'download' -Connection $connection
    }

    It 'unbundles straight from object storage' {
        $out = Join-Path $TestDrive 'streamed'
        $expanded = Expand-EucaBundle -ManifestLocation $stored.ManifestLocation -PrivateKey $userKey -Destination $out -Connection $connection
        (Get-FileHash $expanded.Path).Hash | Should -Be (Get-FileHash $image).Hash
        Get-ChildItem $out -Filter '*.part.*' | Should -BeNullOrEmpty
    }

    It 'pipes a saved bundle into Expand-EucaBundle' {
        $image2 = Save-EucaBundle $stored.ManifestLocation -Destination (Join-Path $TestDrive 'dl') -Connection $connection |
            Expand-EucaBundle -PrivateKey $userKey -Destination (Join-Path $TestDrive 'dl-out')
        (Get-FileHash $image2.Path).Hash | Should -Be (Get-FileHash $image).Hash
    }

    It 'refuses a location that is not a manifest and names a missing manifest' {
        { Save-EucaBundle 'download/disk.img' -Connection $connection -ErrorAction Stop } | Should -Throw -ErrorId 'ManifestLocationInvalid*'
        { Save-EucaBundle 'download/nothing.manifest.xml' -Destination $TestDrive -Connection $connection -ErrorAction Stop } |
            Should -Throw -ErrorId 'StorageManifestNotFound*'
    }
}

Describe 'New-EucaBundle -Bucket' -Tags 'CI' {
    It 'bundles and uploads in one pass and leaves nothing on disk' {
        $destination = Join-Path $TestDrive 'onepass'
        $upload = New-EucaBundle -Path $image @bundleArgs -Bucket 'onepass' -KeyPrefix 'x' -Destination $destination -Connection $connection
        $upload.ManifestLocation | Should -Be 'onepass/x/disk.img.manifest.xml'
        $upload.PartsUploaded | Should -Be $upload.PartCount
        Get-ChildItem $destination | Should -BeNullOrEmpty
        $expanded = Expand-EucaBundle -ManifestLocation $upload.ManifestLocation -PrivateKey $userKey -Destination (Join-Path $TestDrive 'onepass-out') -Connection $connection
        (Get-FileHash $expanded.Path).Hash | Should -Be (Get-FileHash $image).Hash
    }

    It 'keeps the local bundle with -KeepBundle' {
        $destination = Join-Path $TestDrive 'kept'
        $upload = New-EucaBundle -Path $image @bundleArgs -Bucket 'kept' -Destination $destination -KeepBundle -Connection $connection
        (Get-ChildItem $destination -Filter 'disk.img.part.*').Count | Should -Be $upload.PartCount
        Join-Path $destination 'disk.img.manifest.xml' | Should -Exist
    }

    It 'refuses pending parts that would take too much memory before anything is stored' {
        $hugeParts = $bundleArgs.Clone()
        $hugeParts.PartSize = 300MB
        { New-EucaBundle -Path $image @hugeParts -Bucket 'toolarge' -Connection $connection -ErrorAction Stop } |
            Should -Throw -ErrorId 'PendingPartsTooLarge*'
        Test-Path (Join-Path $storage.DataDirectory 'toolarge') | Should -BeFalse
    }

    It 'accepts 1 to 32 pending parts' {
        { New-EucaBundle -Path $image @bundleArgs -Bucket 'pending' -MaxPendingParts 33 -Connection $connection } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        $upload = New-EucaBundle -Path $image @bundleArgs -Bucket 'pending' -MaxPendingParts 1 -Connection $connection
        $upload.PartsUploaded | Should -Be $upload.PartCount
    }
}

Describe 'Remove-EucaBundle' -Tags 'CI' {
    It 'keeps everything with -WhatIf and deletes parts and manifest with -Force' {
        $upload = Send-EucaBundle -ManifestPath $bundle.ManifestPath -Bucket 'remove' -Connection $connection
        $upload | Remove-EucaBundle -WhatIf -Connection $connection
        Save-EucaBundle $upload.ManifestLocation -Destination (Join-Path $TestDrive 'still') -Connection $connection | Should -Not -BeNullOrEmpty
        $upload | Remove-EucaBundle -Force -RemoveBucket -Connection $connection
        Test-Path (Join-Path $storage.DataDirectory 'remove') | Should -BeFalse
    }

    It 'fails with the error id when there is nothing to remove' {
        { Remove-EucaBundle 'send/images/none.manifest.xml' -Force -Connection $connection -ErrorAction Stop } | Should -Throw -ErrorId 'StorageManifestNotFound*'
    }
}
