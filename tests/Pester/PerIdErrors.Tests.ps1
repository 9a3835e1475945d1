# Cmdlets that take many ids, given one good, one unknown and one malformed id: the good one's result comes back, and
# exactly two non-terminating errors carry the right error ids and the ids as TargetObject; $? is false afterwards and
# -ErrorAction Stop stops at the first of them. Against the local cloud, which refuses a whole Describe* request that
# names an unknown id, as EC2 does (the engine tests cover Eucalyptus' way of leaving such ids out).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment
    $script:cloud = Start-EucaLocalCloud
    $script:keys = Get-EucaLocalCloudDefaults
    Connect-EucaCloud -ComputeUrl $cloud.Url -AccessKey $keys.UserAccessKey -SecretKey $keys.UserSecretKey -AccountId $keys.UserAccountId
    $script:snapshot = New-EucaSnapshot -VolumeId vol-2b3c4d5e -Confirm:$false | Wait-EucaSnapshot -PollSeconds 0.2 -TimeoutSeconds 60
    $script:bundleTask = New-EucaInstanceBundle -InstanceId i-2a3b4c5d -Bucket 'per-id-bundles' -Prefix 'per-id' -Confirm:$false

    # Runs the cmdlet on the ids (as its id parameter, or piped when $Pipe) and returns what it wrote, its errors, and
    # $? right after it.
    function script:Invoke-Ids([string] $Command, [hashtable] $Parameters, [string[]] $Ids, [string] $IdParameter, [bool] $Pipe) {
        $splat = $Parameters.Clone()
        if ($Pipe) {
            $output = $Ids | & $Command @splat -ErrorVariable failures -ErrorAction SilentlyContinue
        }
        else {
            $splat[$IdParameter] = $Ids
            $output = & $Command @splat -ErrorVariable failures -ErrorAction SilentlyContinue
        }
        $succeeded = $?
        [pscustomobject]@{ Output = @($output); Errors = @($failures); Succeeded = $succeeded }
    }
}

AfterAll {
    Disconnect-EucaCloud
    $cloud | Stop-EucaTestServer
}

Describe '<Name> with a good, an unknown and a malformed id' -Tags 'CI' -ForEach @(
    @{ Name = 'Get-EucaImage'; Good = 'emi-7b8c9d0e'; Unknown = 'emi-00000000'; Malformed = 'emi-xyz'; NotFound = 'ImageNotFound'; Invalid = 'ImageIdInvalid'
        Command = 'Get-EucaImage'; IdParameter = 'ImageId'; Parameters = @{}; Pipe = $false; Property = 'ImageId' }
    @{ Name = 'Get-EucaImageAttribute'; Good = 'emi-7b8c9d0e'; Unknown = 'emi-00000000'; Malformed = 'emi-xyz'; NotFound = 'ImageNotFound'; Invalid = 'ImageIdInvalid'
        Command = 'Get-EucaImageAttribute'; IdParameter = 'ImageId'; Parameters = @{ Attribute = 'Kernel' }; Pipe = $false; Property = 'ImageId' }
    @{ Name = 'Wait-EucaImage'; Good = 'emi-7b8c9d0e'; Unknown = 'emi-00000000'; Malformed = 'emi-xyz'; NotFound = 'ImageNotFound'; Invalid = 'ImageIdInvalid'
        Command = 'Wait-EucaImage'; IdParameter = 'ImageId'; Parameters = @{ State = 'available'; PollSeconds = 0.2 }; Pipe = $false; Property = 'ImageId' }
    @{ Name = 'Edit-EucaImageAttribute'; Good = 'emi-7b8c9d0e'; Unknown = 'emi-00000000'; Malformed = 'emi-xyz'; NotFound = 'ImageNotFound'; Invalid = 'ImageIdInvalid'
        Command = 'Edit-EucaImageAttribute'; IdParameter = 'ImageId'; Parameters = @{ Description = 'per-id'; PassThru = $true; Confirm = $false }; Pipe = $false; Property = 'ImageId' }
    @{ Name = 'Reset-EucaImageAttribute'; Good = 'emi-7b8c9d0e'; Unknown = 'emi-00000000'; Malformed = 'emi-xyz'; NotFound = 'ImageNotFound'; Invalid = 'ImageIdInvalid'
        Command = 'Reset-EucaImageAttribute'; IdParameter = 'ImageId'; Parameters = @{ Attribute = 'LaunchPermission'; PassThru = $true; Confirm = $false }; Pipe = $false; Property = 'ImageId' }
    @{ Name = 'Get-EucaSnapshot'; Good = '$snapshot'; Unknown = 'snap-0badf00d'; Malformed = 'vol-2b3c4d5e'; NotFound = 'SnapshotNotFound'; Invalid = 'SnapshotIdInvalid'
        Command = 'Get-EucaSnapshot'; IdParameter = 'SnapshotId'; Parameters = @{}; Pipe = $false; Property = 'SnapshotId' }
    @{ Name = 'Wait-EucaSnapshot'; Good = '$snapshot'; Unknown = 'snap-0badf00d'; Malformed = 'vol-2b3c4d5e'; NotFound = 'SnapshotNotFound'; Invalid = 'SnapshotIdInvalid'
        Command = 'Wait-EucaSnapshot'; IdParameter = 'SnapshotId'; Parameters = @{ PollSeconds = 0.2 }; Pipe = $true; Property = 'SnapshotId' }
    @{ Name = 'Get-EucaBundleTask'; Good = '$bundleTask'; Unknown = 'bun-0badf00d'; Malformed = 'bun-xyz'; NotFound = 'BundleTaskNotFound'; Invalid = 'BundleIdInvalid'
        Command = 'Get-EucaBundleTask'; IdParameter = 'BundleId'; Parameters = @{}; Pipe = $false; Property = 'BundleId' }
    @{ Name = 'Stop-EucaBundleTask'; Good = '$bundleTask'; Unknown = 'bun-0badf00d'; Malformed = 'bun-xyz'; NotFound = 'BundleTaskNotFound'; Invalid = 'BundleIdInvalid'
        Command = 'Stop-EucaBundleTask'; IdParameter = 'BundleId'; Parameters = @{ Confirm = $false }; Pipe = $true; Property = 'BundleId' }
) {
    BeforeAll {
        # The snapshot and bundle task exist only once the file's BeforeAll has run.
        $script:goodId = switch ($Good) { '$snapshot' { $snapshot.SnapshotId } '$bundleTask' { $bundleTask.BundleId } default { $Good } }
        $script:ids = @($goodId, $Unknown, $Malformed)
    }

    It 'returns the good id''s result and one error per bad id, with the id as TargetObject' {
        $result = Invoke-Ids $Command $Parameters $ids $IdParameter $Pipe

        @($result.Output | ForEach-Object $Property | Sort-Object -Unique) | Should -Be @($goodId)
        $result.Errors.Count | Should -Be 2
        $byTarget = @{}
        $result.Errors | ForEach-Object { $byTarget[[string]$_.TargetObject] = $_ }
        $byTarget[$Unknown].FullyQualifiedErrorId | Should -BeLike "$NotFound,*"
        $byTarget[$Unknown].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $byTarget[$Malformed].FullyQualifiedErrorId | Should -BeLike "$Invalid,*"
        $byTarget[$Malformed].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $result.Succeeded | Should -BeFalse
    }

    It 'stops at the first bad id with -ErrorAction Stop' {
        foreach ($case in @{ Id = $Unknown; ErrorId = $NotFound }, @{ Id = $Malformed; ErrorId = $Invalid }) {
            $splat = $Parameters.Clone()
            $splat[$IdParameter] = $case.Id
            { & $Command @splat -ErrorAction Stop } | Should -Throw -ErrorId "$($case.ErrorId),*"
        }
    }

    It 'succeeds, with $? true, for the good id alone' {
        # The first test cancelled the shared bundle task, which cannot be cancelled again: bundle another instance.
        $id = if ($Command -eq 'Stop-EucaBundleTask') {
            (New-EucaInstanceBundle -InstanceId i-3b4c5d6e -Bucket 'per-id-bundles' -Prefix 'per-id-alone' -Confirm:$false).BundleId
        }
        else { $goodId }
        $result = Invoke-Ids $Command $Parameters @($id) $IdParameter $Pipe
        $result.Errors.Count | Should -Be 0
        $result.Succeeded | Should -BeTrue
    }
}

Describe '<Command> with a malformed id and -Confirm' -Tags 'CI' -ForEach @(
    @{ Command = 'Edit-EucaImageAttribute'; Parameters = @{ ImageId = 'emi-xyz'; Description = 'x' }; Invalid = 'ImageIdInvalid' }
    @{ Command = 'Reset-EucaImageAttribute'; Parameters = @{ ImageId = 'emi-xyz'; Attribute = 'LaunchPermission' }; Invalid = 'ImageIdInvalid' }
    @{ Command = 'Unregister-EucaImage'; Parameters = @{ ImageId = 'emi-xyz' }; Invalid = 'ImageIdInvalid' }
    @{ Command = 'Remove-EucaVolume'; Parameters = @{ VolumeId = 'vol-xyz' }; Invalid = 'VolumeIdInvalid' }
    @{ Command = 'Stop-EucaBundleTask'; Parameters = @{ BundleId = 'bun-xyz' }; Invalid = 'BundleIdInvalid' }
    @{ Command = 'Stop-EucaConversionTask'; Parameters = @{ ConversionTaskId = 'import-XYZ' }; Invalid = 'ConversionTaskIdInvalid' }
) {
    It 'refuses the id without asking: a prompt would fail in this non-interactive session' {
        & $Command @Parameters -Confirm -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike "$Invalid,*"
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}
