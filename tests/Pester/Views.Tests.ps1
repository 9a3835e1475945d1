# Default table views, rendered with real objects from the local cloud and s3rver: at 120 columns every column is
# shown (none cut off the right edge), no line is wider, and every column's label is the property it shows, so
# Where-Object and Select-Object work with the names the table suggests.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:storage = Start-EucaObjectStorage
    $script:cloud = Start-EucaLocalCloud -ObjectStorageUrl $storage.Url -AdditionalArguments '--conversion-interval-ms', '50'
    $keys = Get-EucaLocalCloudDefaults
    Connect-EucaCloud -ComputeUrl $cloud.Url -ObjectStorageUrl $storage.Url -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey -AccountId $keys.UserAccountId
    $certs = $keys.CertificateDirectory
    $bundleArgs = @{
        Architecture = 'x86_64'; Certificate = Join-Path $certs 'user-cert.pem'; PrivateKey = Join-Path $certs 'user-key.pem'
        CloudCertificate = Join-Path $certs 'cloud-cert.pem'
    }
    $image = Join-Path $TestDrive 'centos-7-x86_64-hvm-20200110.img'
    New-TestImage -Path $image -Seed 5 -RandomBytes 30000 -ZeroBytes 30000 -TextBytes 3000

    # One or more objects of every type a cmdlet emits, each from the cmdlet that emits it.
    $bundle = New-EucaBundle -Path $image @bundleArgs -Destination (Join-Path $TestDrive 'a-rather-long-folder-name/for/bundles')
    $task = Import-EucaVolume -Path $image -AvailabilityZone one -Bucket imports -Confirm:$false
    # A stored profile, in a configuration folder of this test's own.
    $script:savedConfigHome = $env:XDG_CONFIG_HOME
    $env:XDG_CONFIG_HOME = Join-Path $TestDrive 'config'
    Connect-EucaCloud -ComputeUrl $cloud.Url -ObjectStorageUrl $storage.Url -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey `
        -AccountId $keys.UserAccountId -PassThru -NoDefault | Set-EucaCredential -StoreAs 'nightly-rotation-lab' | Out-Null
    # An instance-store image of the bundle, for Export-EucaImage.
    $exportable = $bundle | Send-EucaBundle -Bucket exports | ForEach-Object { Register-EucaImage -Name 'views-export' -ImageLocation $_.ManifestLocation }
    $script:samples = @(
        Get-EucaImage -ExecutableBy all, self
        Get-EucaImageAttribute -ImageId emi-7b8c9d0e -Attribute LaunchPermission
        Get-EucaImageAttribute -ImageId emi-5a6b7c8d -Attribute BlockDeviceMapping
        $bundle
        Test-EucaBundle $bundle.ManifestPath -Certificate $bundleArgs.Certificate -PrivateKey $bundleArgs.PrivateKey
        Get-EucaBundleManifest $bundle.ManifestPath
        Expand-EucaBundle $bundle.ManifestPath -PrivateKey $bundleArgs.PrivateKey -Destination (Join-Path $TestDrive 'expanded')
        $bundle | Send-EucaBundle -Bucket images -KeyPrefix 'centos/7/2020-01-10'
        Get-EucaVolume
        New-EucaSnapshot -VolumeId vol-1a2b3c4d -Description 'nightly snapshot of the web tier root volume' -Confirm:$false
        $task
        $task | Wait-EucaConversionTask -PollSeconds 0.1 -TimeoutSeconds 60
        New-EucaInstanceBundle -InstanceId i-2a3b4c5d -Bucket instance-bundles -Prefix ubuntu-16.04-web -Confirm:$false
        Get-EucaCredential -ListProfileDetail
        Get-EucaInstance
        New-EucaTag -ResourceId emi-7b8c9d0e -Tag @{ 'rotation-group' = 'web-frontends'; build = '2026-12-01.3' } -PassThru -Confirm:$false
        Get-EucaDiskImage $image
        ConvertTo-EucaRawImage -Path $image -Destination (Join-Path $TestDrive 'centos-7-x86_64-hvm-20200110.raw')
        Convert-EucaBundleManifest $bundle.ManifestPath -PrivateKey $bundleArgs.PrivateKey -CloudCertificate (Join-Path $certs 'second-cloud-cert.pem') `
            -KernelId eki-6e0f3b1d -RamdiskId eri-2c9a7d40 -Confirm:$false
        Export-EucaImage -ImageId $exportable.ImageId -Destination (Join-Path $TestDrive 'a-rather-long-folder-name/exports/centos-7-x86_64-hvm-20200110.vmdk') `
            -Certificate $bundleArgs.Certificate -PrivateKey $bundleArgs.PrivateKey
    )

    # The type names of every table view the module ships.
    $script:tableViews = Get-ChildItem (Join-Path (Split-Path (Get-TestModulePath)) 'Formats') -Filter *.ps1xml |
        ForEach-Object { ([xml](Get-Content -Raw $_.FullName)).Configuration.ViewDefinitions.View } |
        Where-Object { $_.TableControl } |
        ForEach-Object { [pscustomobject]@{ TypeName = $_.ViewSelectedBy.TypeName; Labels = @($_.TableControl.TableHeaders.TableColumnHeader.Label) } }
}

AfterAll {
    $env:XDG_CONFIG_HOME = $savedConfigHome
    Disconnect-EucaCloud
    $cloud, $storage | Stop-EucaTestServer
}

Describe 'Default table views' -Tags 'CI' {
    It 'has a sample of every viewed type' {
        foreach ($view in $tableViews) {
            @($samples | Where-Object { $_.PSObject.TypeNames[0] -eq $view.TypeName }).Count | Should -BeGreaterThan 0 -Because "$($view.TypeName) needs a sample"
        }
    }

    It 'labels each column with the property it shows' {
        foreach ($view in $tableViews) {
            $sample = $samples | Where-Object { $_.PSObject.TypeNames[0] -eq $view.TypeName } | Select-Object -First 1
            foreach ($label in $view.Labels) {
                $sample.PSObject.Properties.Name | Should -Contain $label -Because "$($view.TypeName) has a column $label"
            }
        }
    }

    It 'shows every column within 120 columns' {
        $widths = foreach ($view in $tableViews) {
            $objects = @($samples | Where-Object { $_.PSObject.TypeNames[0] -eq $view.TypeName })
            $lines = @($objects | Out-String -Width 120 -Stream | Where-Object { $_.Trim() })
            $header = $lines[0]
            foreach ($label in $view.Labels) { $header | Should -Match "(^| )$label( |$)" -Because "$($view.TypeName) must show $label at 120 columns" }
            $widest = ($lines | Measure-Object Length -Maximum).Maximum
            $widest | Should -BeLessOrEqual 120
            # The columns without the last, whose width is whatever is left: what the view itself takes.
            [pscustomobject]@{ View = $view.TypeName.Split('.')[-1]; Columns = $view.Labels.Count; Widest = $widest; Header = $header.TrimEnd().Length }
        }
        $widths | Format-Table -AutoSize | Out-String | Write-Host
    }

    It 'says a private image is private in its launch permission' {
        $private = $samples | Where-Object { $_.PSObject.TypeNames[0] -like '*ImageAttributeInfo' -and $_.Attribute -eq 'LaunchPermission' }
        ($private | Out-String -Width 120) | Should -Match 'emi-7b8c9d0e\s+LaunchPermission\s+private \(owner only\)'
    }

    It 'shows owner and creation date of images, and Where-Object works with the column names' {
        $table = ($samples | Where-Object { $_.PSObject.TypeNames[0] -like '*.ImageInfo' } | Out-String -Width 120)
        $table | Should -Match 'emi-1f8e3c5a\s+ubuntu-16\.04-x86_64-hvm\s+available\s+Machine\s+InstanceStore\s+True\s+000000000001\s+2017-03-14'
        @($samples | Where-Object { $_.PSObject.TypeNames[0] -like '*.ImageInfo' } | Where-Object IsPublic | Where-Object ImageType -eq Kernel).ImageId | Should -Contain 'eki-6e0f3b1d'
    }
}
