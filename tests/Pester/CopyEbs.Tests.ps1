# Copy-EucaImage's EBS routes end to end between a local cloud of the AWS flavour and a Eucalyptus one, each with its
# own s3rver: an instance-store Eucalyptus image becomes an EBS-backed AWS image (-Ebs), which comes back as an
# EBS-backed Eucalyptus image (-ExportBucket). Both clouds keep their disks in state folders, so the snapshots' bytes
# are compared with the source disk.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:keys = Get-EucaLocalCloudDefaults
    $script:awsStorage = Start-EucaObjectStorage
    $script:eucaStorage = Start-EucaObjectStorage
    $script:awsState = Join-Path $TestDrive 'aws-state'
    $script:eucaState = Join-Path $TestDrive 'euca-state'
    $script:aws = Start-EucaLocalCloud -ObjectStorageUrl $awsStorage.Url -PendingSeconds 0 `
        -AdditionalArguments '--flavor', 'aws', '--conversion-interval-ms', '50', '--state-directory', $awsState
    $script:euca = Start-EucaLocalCloud -ObjectStorageUrl $eucaStorage.Url -PendingSeconds 0 `
        -AdditionalArguments '--conversion-interval-ms', '50', '--state-directory', $eucaState
    $user = @{ AccessKey = $keys.S3AccessKey; SecretKey = $keys.S3SecretKey; AccountId = $keys.UserAccountId }
    $script:awsConnection = Connect-EucaCloud -ComputeUrl $aws.Url -ObjectStorageUrl $awsStorage.Url @user -NoDefault
    Connect-EucaCloud -ComputeUrl $euca.Url -ObjectStorageUrl $eucaStorage.Url @user
    $script:eucaConnection = Connect-EucaCloud -ComputeUrl $euca.Url -ObjectStorageUrl $eucaStorage.Url @user -NoDefault
    Invoke-EucaObjectStorageRequest -Storage $awsStorage -Path 'vmie' -Method Put | Out-Null

    $certs = $keys.CertificateDirectory
    $script:userKey = Join-Path $certs 'user-key.pem'
    $script:disk = Join-Path $TestDrive 'disk.img'
    New-TestImage -Path $disk -Seed 31 -RandomBytes 200000 -ZeroBytes 100000 -TextBytes 50000
    $script:source = Install-EucaImage -Path $disk -Name 'ebs-route-source' -Bucket 'install' -Architecture x86_64 `
        -Certificate (Join-Path $certs 'user-cert.pem') -PrivateKey $userKey -CloudCertificate (Join-Path $certs 'cloud-cert.pem') -Confirm:$false
    $script:fast = @{ PollSeconds = 0.1; TimeoutSeconds = 60; Confirm = $false }

    $script:diskHash = (Get-FileHash $disk).Hash
    # The SHA-256 of the bytes the local cloud keeps for the image's root snapshot.
    function Get-SnapshotHash([string] $StateFolder, [object] $Image) {
        $root = $Image.BlockDeviceMappings | Where-Object DeviceName -eq $Image.RootDeviceName
        (Get-FileHash (Join-Path $StateFolder "disks/$($root.SnapshotId).img")).Hash
    }
}

AfterAll {
    Disconnect-EucaCloud
    $aws, $euca, $awsStorage, $eucaStorage | Stop-EucaTestServer
}

Describe 'Copy-EucaImage EBS routes' -Tags 'CI' {
    It 'makes an EBS-backed AWS image from an instance-store Eucalyptus image with -Ebs, then removes the upload' {
        $script:toAws = Copy-EucaImage -SourceImageId $source.ImageId -SourceConnection $eucaConnection -DestinationConnection $awsConnection `
            -Ebs -Bucket 'to-aws' -PrivateKey $userKey -Name 'on-aws' @fast
        $toAws.ImageId | Should -Match '^ami-[0-9a-f]{17}$'
        $toAws.RootDeviceType | Should -Be 'Ebs'
        $toAws.VirtualizationType | Should -Be 'Hvm'
        Get-SnapshotHash $awsState $toAws | Should -Be $diskHash
        Get-EucaStoredKey $awsStorage 'to-aws' | Should -BeNullOrEmpty
    }

    It 'copies that EBS-backed AWS image to an EBS-backed Eucalyptus image with -ExportBucket, then removes the export' {
        $back = Copy-EucaImage -SourceImageId $toAws.ImageId -SourceConnection $awsConnection -DestinationConnection $eucaConnection `
            -ExportBucket 'vmie' -Bucket 'from-aws' -AvailabilityZone one -Name 'back-from-aws' @fast
        $back.ImageId | Should -Match '^emi-'
        $back.RootDeviceType | Should -Be 'Ebs'
        Get-SnapshotHash $eucaState $back | Should -Be $diskHash
        Get-EucaStoredKey $awsStorage 'vmie' | Should -BeNullOrEmpty
        Get-EucaStoredKey $eucaStorage 'from-aws' | Should -BeNullOrEmpty
    }

    It 'keeps the exported disk with -KeepExport' {
        $kept = Copy-EucaImage -SourceImageId $toAws.ImageId -SourceConnection $awsConnection -ExportBucket 'vmie' -Bucket 'from-aws' `
            -AvailabilityZone one -Name 'kept-export' -KeepExport @fast
        $kept.RootDeviceType | Should -Be 'Ebs'
        @(Get-EucaStoredKey $awsStorage 'vmie') | Should -Match '^exports/export-ami-[0-9a-f]{17}\.raw$'
    }

    It 'refuses an EBS-backed Eucalyptus source: without -ExportBucket as before, with it because Eucalyptus cannot export' {
        # emi-5a6b7c8d: the local cloud's seeded EBS-backed image of the user's account.
        $ebsHere = Get-EucaImage -ImageId emi-5a6b7c8d
        { Copy-EucaImage -SourceImageId $ebsHere.ImageId -SourceConnection $eucaConnection -Bucket 'x' -PrivateKey $userKey `
            -CloudCertificate (Join-Path $keys.CertificateDirectory 'cloud-cert.pem') -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ImageCopyEbsSourceUnsupported*'
        { Copy-EucaImage -SourceImageId $ebsHere.ImageId -SourceConnection $eucaConnection -ExportBucket 'vmie' -Bucket 'x' -AvailabilityZone one @fast -ErrorAction Stop } |
            Should -Throw -ErrorId 'MigrationExportUnsupported*'
    }

    It 'refuses -Ebs to a Eucalyptus destination before uploading anything' {
        { Copy-EucaImage -SourceImageId $source.ImageId -SourceConnection $eucaConnection -Ebs -Bucket 'not-aws' -PrivateKey $userKey @fast -ErrorAction Stop } |
            Should -Throw -ErrorId 'MigrationImportUnsupported*'
        Get-EucaStoredKey $eucaStorage 'not-aws' | Should -BeNullOrEmpty
    }

    It 'refuses the instance-store copy''s parameters on an EBS route rather than ignoring them, before anything is made' {
        $failure = { Copy-EucaImage -SourceImageId $source.ImageId -SourceConnection $eucaConnection -DestinationConnection $awsConnection `
            -Ebs -Bucket 'needless-kernel' -PrivateKey $userKey -KernelId eki-6e0f3b1d @fast -ErrorAction Stop } |
            Should -Throw -ErrorId 'ImageCopyParameterNotApplicable,*' -PassThru
        $failure.TargetObject | Should -Be 'KernelId'
        $failure.Exception.Message | Should -Match '-KernelId applies only to copying an instance-store image'
        Get-EucaStoredKey $awsStorage 'needless-kernel' | Should -BeNullOrEmpty
        { Copy-EucaImage -SourceImageId $toAws.ImageId -SourceConnection $awsConnection -ExportBucket 'vmie' -Bucket 'from-aws' -AvailabilityZone one `
            -CloudCertificate (Join-Path $keys.CertificateDirectory 'cloud-cert.pem') @fast -ErrorAction Stop } |
            Should -Throw -ErrorId 'ImageCopyParameterNotApplicable*'
    }

    It 'changes nothing with -WhatIf' {
        $before = @(Get-EucaImage -Connection $awsConnection).Count
        Copy-EucaImage -SourceImageId $source.ImageId -SourceConnection $eucaConnection -DestinationConnection $awsConnection -Ebs -Bucket 'what-if' -WhatIf
        @(Get-EucaImage -Connection $awsConnection).Count | Should -Be $before
        Get-EucaStoredKey $awsStorage 'what-if' | Should -BeNullOrEmpty
    }
}

Describe 'Copy-EucaImage EBS routes stopped with Ctrl+C' -Tags 'CI' {
    BeforeAll {
        # An AWS-flavour cloud whose tasks step every 2 s keeps each copy waiting on its export or import task long
        # enough to be stopped there; its state folder shows the tasks as the cloud keeps them.
        $script:slowState = Join-Path $TestDrive 'slow-aws-state'
        $script:slowAws = Start-EucaLocalCloud -ObjectStorageUrl $awsStorage.Url -PendingSeconds 0 `
            -AdditionalArguments '--flavor', 'aws', '--conversion-interval-ms', '2000', '--state-directory', $slowState
        $script:slowConnection = Connect-EucaCloud -ComputeUrl $slowAws.Url -ObjectStorageUrl $awsStorage.Url -AccessKey $keys.S3AccessKey `
            -SecretKey $keys.S3SecretKey -AccountId $keys.UserAccountId -NoDefault

        # The slow cloud's tasks of one kind (exportImageTasks, importSnapshotTasks) as last saved in its state folder.
        function Get-SlowTask([string] $Kind) {
            $saved = Join-Path $slowState 'cloud-state.json'
            if (Test-Path $saved) { @((Get-Content $saved -Raw | ConvertFrom-Json).$Kind) }
        }

        # Runs Copy-EucaImage with $Arguments in another runspace, stops it (as Ctrl+C does) once a task of $Kind is
        # active in the slow cloud, and returns that task's id and the cmdlet's warning.
        function Stop-CopyWhileWaiting([hashtable] $Arguments, [string] $Kind) {
            $shell = [powershell]::Create()
            $null = $shell.AddScript({
                param($module, $arguments)
                Import-Module $module
                Copy-EucaImage @arguments -PollSeconds 0.1 -TimeoutSeconds 120 -Confirm:$false
            }).AddArgument((Get-TestModulePath)).AddArgument($Arguments)
            $handle = $shell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            do {
                Start-Sleep -Milliseconds 100
                $task = Get-SlowTask $Kind | Where-Object status -eq 'active' | Select-Object -First 1
            } until ($task -or $handle.IsCompleted -or [DateTime]::UtcNow -gt $deadline)
            $shell.Stop()
            try { $null = $shell.EndInvoke($handle) } catch { }
            $warning = ($shell.Streams.Warning | Select-Object -First 1).Message
            $errors = $shell.Streams.Error | ForEach-Object { $_.ToString() }
            $shell.Dispose()
            $task | Should -Not -BeNullOrEmpty -Because "the copy should reach its $Kind wait (errors: $errors)"
            [pscustomobject]@{ Task = $task; Warning = $warning }
        }

        # The status of a slow-cloud task once the cancel has reached the saved state (AWS: deleting, then deleted).
        function Wait-SlowTaskCancelled([string] $Kind, [string] $IdProperty, [string] $Id) {
            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            do {
                Start-Sleep -Milliseconds 100
                $status = (Get-SlowTask $Kind | Where-Object $IdProperty -eq $Id).status
            } until ($status -in 'deleting', 'deleted' -or [DateTime]::UtcNow -gt $deadline)
            $status
        }
    }

    AfterAll {
        $slowAws | Stop-EucaTestServer
    }

    It 'cancels the import task when stopped while AWS imports the uploaded disk (-Ebs), and a second run finishes' {
        $copy = @{
            SourceImageId = $source.ImageId; SourceConnection = $eucaConnection; DestinationConnection = $slowConnection
            Ebs = $true; Bucket = 'stopped-to-aws'; PrivateKey = $userKey; Name = 'stopped-on-aws'
        }

        $stopped = Stop-CopyWhileWaiting $copy 'importSnapshotTasks'

        $snapshot = (Get-SlowTask 'importSnapshotTasks' | Where-Object importTaskId -eq $stopped.Task.importTaskId)
        Wait-SlowTaskCancelled 'importSnapshotTasks' 'importTaskId' $stopped.Task.importTaskId | Should -BeIn 'deleting', 'deleted'
        $snapshot.snapshotId | Should -BeNullOrEmpty
        $stopped.Warning | Should -Match "^The copy was stopped\. Left behind at the destination: import task $($stopped.Task.importTaskId) may still run \(it is cancelled on Ctrl\+C\)"
        # The complete upload is what the next run reuses; nothing else is left and nothing is registered.
        $stopped.Warning | Should -Match 'copying again reuses it'
        @(Get-EucaStoredKey $awsStorage 'stopped-to-aws') | Should -Be @("imports/$($source.ImageId).raw")
        Get-EucaImage -Connection $slowConnection | Where-Object Name -eq 'stopped-on-aws' | Should -BeNullOrEmpty

        $script:slowAmi = Copy-EucaImage @copy @fast
        $slowAmi.RootDeviceType | Should -Be 'Ebs'
        Get-SnapshotHash $slowState $slowAmi | Should -Be $diskHash
        Get-EucaStoredKey $awsStorage 'stopped-to-aws' | Should -BeNullOrEmpty
    }

    It 'cancels the export task and leaves nothing in Eucalyptus when stopped while AWS exports (-ExportBucket)' {
        $copy = @{
            SourceImageId = $slowAmi.ImageId; SourceConnection = $slowConnection; DestinationConnection = $eucaConnection
            ExportBucket = 'vmie'; Bucket = 'stopped-from-aws'; AvailabilityZone = 'one'; Name = 'stopped-from-aws'
        }

        $stopped = Stop-CopyWhileWaiting $copy 'exportImageTasks'

        Wait-SlowTaskCancelled 'exportImageTasks' 'exportImageTaskId' $stopped.Task.exportImageTaskId | Should -BeIn 'deleting', 'deleted'
        $stopped.Warning | Should -Match "^The copy was stopped\. Export task $($stopped.Task.exportImageTaskId) of $($slowAmi.ImageId) may still run"
        @(Get-EucaStoredKey $awsStorage 'vmie') -like "*$($stopped.Task.exportImageTaskId)*" | Should -BeNullOrEmpty
        Get-EucaStoredKey $eucaStorage 'stopped-from-aws' | Should -BeNullOrEmpty
        Get-EucaImage | Where-Object Name -eq 'stopped-from-aws' | Should -BeNullOrEmpty
        Get-EucaConversionTask | Where-Object State -eq 'active' | Should -BeNullOrEmpty
    }
}
