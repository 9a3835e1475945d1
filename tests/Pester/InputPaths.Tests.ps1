# -Path and -LiteralPath of the cmdlets that read one disk file (Install-EucaImage, Import-EucaVolume,
# Import-EucaInstance, New-EucaEbsImage, Resume-EucaImport) and of New-EucaBundle, as PowerShell's own file cmdlets
# take them: -Path expands wildcards (one match required where one file is read), -LiteralPath (alias PSPath) takes
# a name as it is and binds from Get-ChildItem. Each disk has its own size, so the size the cloud was told names the
# file that was read.

BeforeDiscovery {
    $script:oneFileCmdlets = @(
        @{ Name = 'Install-EucaImage'; Rest = @{ Name = 'p'; Bucket = 'paths'; Architecture = 'x86_64' } }
        @{ Name = 'Import-EucaVolume'; Rest = @{ AvailabilityZone = 'one'; Bucket = 'paths' } }
        @{ Name = 'Import-EucaInstance'; Rest = @{ Bucket = 'paths'; InstanceType = 'm1.small'; Platform = 'Linux' } }
        @{ Name = 'New-EucaEbsImage'; Rest = @{ Name = 'p'; AvailabilityZone = 'one'; Bucket = 'paths' } }
        @{ Name = 'Resume-EucaImport'; Rest = @{ ConversionTaskId = 'import-vol-1a2b3c4d' } }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $keys = Get-EucaLocalCloudDefaults
    $certs = $keys.CertificateDirectory
    $script:storage = Start-EucaObjectStorage
    $script:cloud = Start-EucaLocalCloud -ObjectStorageUrl $storage.Url -PendingSeconds 0.1 -AdditionalArguments '--conversion-interval-ms', '20'
    Connect-EucaCloud -ComputeUrl $cloud.Url -ObjectStorageUrl $storage.Url -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey `
        -AccountId $keys.UserAccountId -Certificate (Join-Path $certs 'user-cert.pem') -PrivateKey (Join-Path $certs 'user-key.pem') `
        -CloudCertificate (Join-Path $certs 'cloud-cert.pem')

    # disk[1].raw and disk1.raw: -Path 'disk[1].raw' is a pattern matching disk1.raw; -LiteralPath names the other.
    $script:folder = Join-Path $TestDrive 'disks'
    New-Item -ItemType Directory $folder | Out-Null
    $script:sizes = [ordered]@{ 'disk[1].raw' = 3000; 'disk1.raw' = 5000; 'two-a.img' = 7000; 'two-b.img' = 9000; 'resume[1].raw' = 60000 }
    foreach ($name in $sizes.Keys) {
        $bytes = [byte[]]::new($sizes[$name]); [System.Random]::new($sizes[$name]).NextBytes($bytes)
        [System.IO.File]::WriteAllBytes((Join-Path $folder $name), $bytes)
    }
    Push-Location $folder

    function script:Get-TasksOfSize([long] $Size) { @(Get-EucaConversionTask | Where-Object { $_.Volumes[0].ImageSize -eq $Size }) }
}

AfterAll {
    Pop-Location
    Disconnect-EucaCloud
    $cloud, $storage | Stop-EucaTestServer
}

Describe '<Name> -Path and -LiteralPath' -Tags 'CI' -ForEach $oneFileCmdlets {
    It 'refuses a pattern that matches no file with PathMatchesNoFile, naming the pattern' {
        { & $Name -Path './nothing-*.raw' @Rest -Confirm:$false } | Should -Throw -ErrorId 'PathMatchesNoFile*' -ExpectedMessage "*'./nothing-*.raw'*"
    }

    It 'refuses a pattern that matches several files with PathMatchesSeveralFiles, naming them' {
        { & $Name -Path './two-?.img' @Rest -Confirm:$false } | Should -Throw -ErrorId 'PathMatchesSeveralFiles*' -ExpectedMessage '*two-a.img*two-b.img*'
    }

    It 'declares -Path as taking wildcards and -LiteralPath as binding PSPath from the pipeline' {
        $command = Get-Command $Name
        $command.Parameters['Path'].Attributes.Where({ $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }) | Should -Not -BeNullOrEmpty
        $command.Parameters['LiteralPath'].Aliases | Should -Contain 'PSPath'
        $command.Parameters['LiteralPath'].ParameterSets.Values.ValueFromPipelineByPropertyName | Should -Contain $true
    }
}

Describe 'Reading the one file a -Path or -LiteralPath names' -Tags 'CI' {
    It 'Import-EucaVolume -Path expands a pattern that matches one file' {
        $task = Import-EucaVolume -Path './disk?.r*' -AvailabilityZone one -Bucket paths
        $task.Volumes[0].ImageSize | Should -Be $sizes['disk1.raw']
    }

    It 'Import-EucaVolume -LiteralPath reads a name with brackets, which -Path reads as a pattern' {
        (Import-EucaVolume -LiteralPath './disk[1].raw' -AvailabilityZone one -Bucket paths).Volumes[0].ImageSize | Should -Be $sizes['disk[1].raw']
        (Import-EucaVolume -Path './disk[1].raw' -AvailabilityZone one -Bucket paths).Volumes[0].ImageSize | Should -Be $sizes['disk1.raw']
    }

    It 'Import-EucaInstance binds a file from Get-ChildItem through PSPath, brackets and all' {
        $task = Get-ChildItem -LiteralPath './disk[1].raw' | Import-EucaInstance -Bucket paths -InstanceType m1.small -Platform Linux
        $task.Volumes[0].ImageSize | Should -Be $sizes['disk[1].raw']
    }

    It 'Install-EucaImage installs the one file a pattern matches and the file Get-ChildItem pipes' {
        (Install-EucaImage -Path './disk?.raw' -Name wild -Bucket paths -Architecture x86_64).ImageLocation | Should -Be 'paths/disk1.raw.manifest.xml'
        (Get-Item -LiteralPath './disk[1].raw' | Install-EucaImage -Name literal -Bucket paths -Architecture x86_64).ImageLocation |
            Should -Be 'paths/disk[1].raw.manifest.xml'
    }

    It 'New-EucaEbsImage -LiteralPath imports a name with brackets' {
        $before = (Get-TasksOfSize $sizes['disk[1].raw']).Count
        $image = New-EucaEbsImage -LiteralPath './disk[1].raw' -Name ebs-literal -AvailabilityZone one -Bucket paths -PollSeconds 0.1
        $image.Name | Should -Be 'ebs-literal'
        (Get-TasksOfSize $sizes['disk[1].raw']).Count | Should -Be ($before + 1)
    }

    It 'Resume-EucaImport -Path takes a pattern and -LiteralPath binds from Get-ChildItem' {
        # 59 parts, converted one per 20 ms: the last is deleted long before the conversion reaches it.
        $task = Import-EucaVolume -LiteralPath './resume[1].raw' -AvailabilityZone one -Bucket resume-paths -PartSize 1024
        Remove-LastImportPart $storage 'resume-paths'
        (Resume-EucaImport -ConversionTaskId $task.ConversionTaskId -Path './resume?1?.raw').ConversionTaskId | Should -Be $task.ConversionTaskId
        (Get-Item -LiteralPath './resume[1].raw' | Resume-EucaImport -ConversionTaskId $task.ConversionTaskId).ConversionTaskId | Should -Be $task.ConversionTaskId
        { Resume-EucaImport -ConversionTaskId $task.ConversionTaskId -LiteralPath './disk[1].raw' } | Should -Throw -ErrorId 'ImportFileSizeMismatch*'
    }

    It 'New-EucaBundle refuses a pattern that matches nothing, and bundles every file a pattern matches' {
        { New-EucaBundle -Path './nothing-*.img' -Architecture x86_64 -Destination (Join-Path $TestDrive 'none') } | Should -Throw -ErrorId 'PathMatchesNoFile*'
        $bundles = New-EucaBundle -Path './two-?.img' -Architecture x86_64 -Destination (Join-Path $TestDrive 'two')
        $bundles.ImageSize | Should -Be $sizes['two-a.img'], $sizes['two-b.img']
    }
}
