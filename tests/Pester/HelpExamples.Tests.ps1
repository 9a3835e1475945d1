# Every example in the built help runs as written against the local cloud and s3rver.
#
# The examples are read from the built module's help (Get-Help <cmdlet> -Examples, made from the cmdlets' XML doc
# comments), never copied here, so a cmdlet added to CmdletsToExport is covered without touching this file. Each
# example's code runs in a fresh copy of a workspace folder as the current directory, with a fresh session connection,
# and must write no error; an example whose last command is a Get-Euca* or Find-Euca* cmdlet must also find something.
#
# What examples may rely on is provided in ONE place, the "What the examples need" block of BeforeAll:
#   - $WorkspaceFiles:   disk images in the current directory, with web.vmdk, setup.ps1, the keys and
#     $WorkspaceBundles: bundles made there with New-EucaBundle (folder = image);
#   - $StoredBundles:    bundles in object storage (restored before every example, so deleting examples do not break
#                        later ones);
#   - disk images made by qemu-img: ./web.vhdx, ./web.vmdk, ./debian.qcow2, ./kvm/*.qcow2, ./disks (vhdx, vhd, raw);
#   - catalogs (CatalogFixtures.psm1) served by the local cloud under /files/, and ./image-catalog.json, ./streams and
#                        ./packs (a euimage pack) in the workspace, the served catalog's centos-8 image, and
#                        ./focal.raw.xz, ./centos7.tar.gz and ./debian.tar.gz (xz and tar, as catalogs ship images);
#   - a temporary HOME (~/.euca/pk.pem, ~/.euca/euca2ools.ini with regions localhost and staging and a [global]
#                        eustore-url naming the served catalog, ~/admin-creds.zip,
#                        stored profiles nightly, old-cloud and new-cloud) and TMPDIR (bundles made without -Destination);
#   - a tagged image web-nightly (tags build and role), registered from a stored bundle of its own;
#   - a second local cloud playing AWS (--flavor aws, its own s3rver with the bucket exports) under the stored profile
#                        aws, holding the EBS-backed image web-on-aws (Copy-EucaImage's EBS routes);
#   - $CmdletNeeds:      per cmdlet, a script block run before each of its examples (an interrupted import to resume,
#                        the bundle a node controller would have uploaded for a bundle task);
#   - the Wait- cmdlets poll every 0.1 s ($PSDefaultParameterValues in the It block), not every 5 s;
#   - Get-Credential is shadowed by a function of this file that returns the local cloud's test key pair (Connect-
#                        EucaCloud's first example prompts for it), and Set-Secret/Get-Secret by a stand-in vault
#                        (SecretManagement is not installed here): the only non-interactive substitutes.
# A new cmdlet whose examples need something else adds it there. Examples that delete or cancel things run last
# ($lastVerbs), and conversion tasks an example leaves active are cancelled after it, so each example starts alike.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $lastVerbs = 'Stop', 'Remove', 'Unregister', 'Disconnect'
    $names = (Import-PowerShellDataFile (Get-TestModulePath)).CmdletsToExport |
        Sort-Object { [int]($_.Split('-')[0] -in $lastVerbs) }, { $_ }
    $script:examples = foreach ($name in $names) {
        $number = 0
        foreach ($example in (Get-Help $name -Examples).examples.example) {
            $number++
            @{ Name = $name; Number = $number; Code = ($example.code | Out-String).Trim() }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'CatalogFixtures.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:keys = Get-EucaLocalCloudDefaults
    $certs = $keys.CertificateDirectory
    # The seeded cloud with faster clocks: snapshots and new images settle at once, a bundle task within two seconds
    # (long enough for Stop-EucaBundleTask's example to find it running).
    $config = Join-Path $TestDrive 'cloud.json'
    (Get-Content -Raw (Join-Path (Get-RepoRoot) 'tests/Euca.Images.LocalCloud/default-cloud.json')) `
        -replace '"timing": \{[^}]*\}', '"timing": { "bundleStepSeconds": 0.5, "snapshotSeconds": 0.1, "imageSeconds": 0.1 }' `
        -replace '"certs/', ('"' + ($certs -replace '\\', '/') + '/') | Set-Content $config
    $script:storage = Start-EucaObjectStorage
    # The folder the local cloud serves under /files/ (filled with catalogs below).
    $script:catalogFolder = New-Item -ItemType Directory (Join-Path $TestDrive 'catalogs') | ForEach-Object FullName
    $script:cloud = Start-EucaLocalCloud -ConfigPath $config -ObjectStorageUrl $storage.Url -PendingSeconds 0.1 `
        -FilesDirectory $catalogFolder -AdditionalArguments '--conversion-interval-ms', '20'
    $script:session = @{
        ComputeUrl = $cloud.Url; ObjectStorageUrl = $storage.Url; AccessKey = $keys.S3AccessKey; SecretKey = $keys.S3SecretKey
        AccountId = $keys.UserAccountId; Certificate = Join-Path $certs 'user-cert.pem'; PrivateKey = Join-Path $certs 'user-key.pem'
        CloudCertificate = Join-Path $certs 'cloud-cert.pem'
    }
    Connect-EucaCloud @session

    # ---- What the examples need -------------------------------------------------------------------------------------
    $script:template = Join-Path $TestDrive 'workspace'
    New-Item -ItemType Directory $template | Out-Null
    $script:WorkspaceFiles = 'disk.img', 'centos7.img', 'centos7.raw', 'rootfs.img', 'vmlinuz', 'initrd.img', 'vmlinuz-5.10', 'initrd-5.10',
        'windows-2012r2.img', 'win2012.raw', 'disk.raw', 'web.img'
    $seed = 0
    foreach ($file in $WorkspaceFiles) {
        New-TestImage -Path (Join-Path $template $file) -Seed (++$seed) -RandomBytes 20000 -ZeroBytes 20000 -TextBytes 4000
    }
    # Disk images of other formats, made by qemu-img from one small raw disk: ./web.vhdx, ./web.vmdk (stream-optimized),
    # ./kvm/*.qcow2 and a ./disks folder of mixed formats.
    $baseDisk = Join-Path $TestDrive 'base.raw'
    New-TestImage -Path $baseDisk -Seed 99 -RandomBytes 400000 -ZeroBytes 600000 -TextBytes 48576
    ConvertTo-QemuTestImage $baseDisk vhdx (Join-Path $template 'web.vhdx') | Out-Null
    ConvertTo-QemuTestImage $baseDisk vmdk (Join-Path $template 'web.vmdk') -Options '-o', 'subformat=streamOptimized' | Out-Null
    foreach ($folder in 'kvm', 'disks') { New-Item -ItemType Directory (Join-Path $template $folder) | Out-Null }
    ConvertTo-QemuTestImage $baseDisk qcow2 (Join-Path $template 'debian.qcow2') | Out-Null
    ConvertTo-QemuTestImage $baseDisk qcow2 (Join-Path $template 'kvm/app.qcow2') | Out-Null
    ConvertTo-QemuTestImage $baseDisk qcow2 (Join-Path $template 'kvm/db.qcow2') -Options '-c' | Out-Null
    ConvertTo-QemuTestImage $baseDisk vhdx (Join-Path $template 'disks/hyperv.vhdx') | Out-Null
    ConvertTo-QemuTestImage $baseDisk vpc (Join-Path $template 'disks/old.vhd') | Out-Null
    Copy-Item $baseDisk (Join-Path $template 'disks/plain.raw')
    Set-Content (Join-Path $template 'setup.ps1') 'Set-TimeZone -Id UTC'
    Copy-Item (Join-Path $certs 'user-cert.pem') (Join-Path $template 'cert.pem')
    Copy-Item (Join-Path $certs 'user-key.pem') (Join-Path $template 'pk.pem')
    Copy-Item (Join-Path $certs 'cloud-cert.pem') (Join-Path $template 'cloud-cert.pem')
    # Another cloud's certificate, for converting a manifest to move a bundle there.
    Copy-Item (Join-Path $certs 'second-cloud-cert.pem') (Join-Path $template 'new-cloud-cert.pem')
    # Catalogs of every generation served under /files/; a saved catalog (./image-catalog.json, its url-meta document
    # under ./streams) and a folder of euimage packs (./packs) in the workspace.
    New-TestCatalogFolder -Path $catalogFolder | Out-Null
    Copy-Item (Join-Path $catalogFolder 'image-catalog.json'), (Join-Path $catalogFolder 'streams'), (Join-Path $catalogFolder 'packs') $template -Recurse
    # Install-EucaCatalogImage's: images as catalogs ship them (./focal.raw.xz, ./centos7.tar.gz, ./debian.tar.gz) and
    # images/centos-8.raw.xz, which image-catalog.json names for centos-8, beside the served catalog.
    New-Item -ItemType Directory (Join-Path $catalogFolder 'images') | Out-Null
    & bash -c "set -e; cd '$template'; xz -T1 -c disk.raw > focal.raw.xz; cp focal.raw.xz '$catalogFolder/images/centos-8.raw.xz'; tar czf centos7.tar.gz centos7.raw; cp disk.raw debian.raw; tar czf debian.tar.gz debian.raw; rm debian.raw"
    if ($LASTEXITCODE -ne 0) { throw 'Making the catalog image files failed.' }
    $script:WorkspaceBundles = @{ 'bundles' = 'centos7.img'; '.' = 'centos7.img'; 'b' = 'disk.img' }
    foreach ($folder in $WorkspaceBundles.Keys) {
        New-EucaBundle -Path (Join-Path $template $WorkspaceBundles[$folder]) -Architecture x86_64 -Destination (Join-Path $template $folder) | Out-Null
    }

    $script:StoredBundles = @(
        @{ File = 'centos7.img'; Bucket = 'images' }
        @{ File = 'centos7.img'; Bucket = 'images'; KeyPrefix = 'centos' }
        @{ File = 'rootfs.img'; Bucket = 'images' }
        @{ File = 'web.img'; Bucket = 'images' }
        @{ File = 'disk.img'; Bucket = 'tagged' }
    )
    $script:storedFolder = Join-Path $TestDrive 'stored'
    foreach ($bundle in $StoredBundles) {
        $bundle.Local = New-EucaBundle -Path (Join-Path $template $bundle.File) -Architecture x86_64 -Destination (Join-Path $storedFolder ([guid]::NewGuid()))
    }
    # The same bundle goes back where an example may have registered an image from it: -Force says the test means to.
    function script:Restore-StoredBundles {
        foreach ($bundle in $StoredBundles) {
            $sendArgs = @{ Bucket = $bundle.Bucket }
            if ($bundle.KeyPrefix) { $sendArgs.KeyPrefix = $bundle.KeyPrefix }
            $bundle.Local | Send-EucaBundle @sendArgs -Resume -Force | Out-Null
        }
    }

    # A HOME of the test's own: ~/.euca (the key and a euca2ools configuration) and a credentials zip.
    $script:homeDir = Join-Path $TestDrive 'home'
    New-Item -ItemType Directory (Join-Path $homeDir '.euca') | Out-Null
    Copy-Item (Join-Path $certs 'user-key.pem') (Join-Path $homeDir '.euca/pk.pem')
    $region = @("ec2-url = $($cloud.Url)services/compute", "s3-url = $($storage.Url)", "certificate = $(Join-Path $certs 'cloud-cert.pem')")
    # [global] eustore-url: Find-EucaCatalogImage without -Uri reads the served eucalyptus-images catalog.
    @('[global]', "eustore-url = $($cloud.FilesUrl)image-catalog.json") + @('[region localhost]') + $region + @('[region staging]') + $region + @(
        '[user admin]', "key-id = $($keys.S3AccessKey)", "secret-key = $($keys.S3SecretKey)", "account-id = $($keys.UserAccountId)"
    ) | Set-Content (Join-Path $homeDir '.euca/euca2ools.ini')
    $eucarc = Join-Path $TestDrive 'eucarc'
    @("export EC2_URL=$($cloud.Url)services/compute", "export S3_URL=$($storage.Url)", "export EC2_ACCESS_KEY='$($keys.S3AccessKey)'",
        "export EC2_SECRET_KEY='$($keys.S3SecretKey)'", "export EC2_USER_ID='$($keys.UserAccountId)'") | Set-Content $eucarc
    Compress-Archive -Path $eucarc -DestinationPath (Join-Path $homeDir 'admin-creds.zip')
    $script:savedEnvironment = $env:HOME, (Get-PSProvider FileSystem).Home, $env:TMPDIR, $env:XDG_CONFIG_HOME
    $env:HOME = $homeDir
    (Get-PSProvider FileSystem).Home = $homeDir
    # Bundles made without -Destination go to $TMPDIR (else /var/tmp): here a folder of the test's own.
    $env:TMPDIR = New-Item -ItemType Directory (Join-Path $TestDrive 'tmp') | ForEach-Object FullName

    # Stored profiles (in this HOME's config folder): nightly, and old-cloud/new-cloud for copying between two clouds
    # (both the local cloud here).
    $env:XDG_CONFIG_HOME = Join-Path $homeDir '.config'
    foreach ($profileName in 'nightly', 'old-cloud', 'new-cloud') {
        Connect-EucaCloud @session -PassThru -NoDefault | Set-EucaCredential -StoreAs $profileName | Out-Null
    }
    # A tagged image named web-*, registered from a bundle of its own so that no example's upload replaces it.
    Restore-StoredBundles
    Register-EucaImage -Name web-nightly -ImageLocation tagged/disk.img.manifest.xml -Tag @{ build = '7'; role = 'web' } | Out-Null

    # A cloud playing AWS, with an EBS-backed image made there from web-nightly, for Copy-EucaImage's EBS routes.
    $script:awsStorage = Start-EucaObjectStorage
    $script:awsCloud = Start-EucaLocalCloud -ObjectStorageUrl $awsStorage.Url -PendingSeconds 0 -AdditionalArguments '--flavor', 'aws', '--conversion-interval-ms', '20'
    Invoke-EucaObjectStorageRequest -Storage $awsStorage -Path 'exports' -Method Put | Out-Null
    $aws = Connect-EucaCloud -ComputeUrl $awsCloud.Url -ObjectStorageUrl $awsStorage.Url -AccessKey $keys.S3AccessKey -SecretKey $keys.S3SecretKey `
        -AccountId $keys.UserAccountId -PassThru -NoDefault
    $aws | Set-EucaCredential -StoreAs aws | Out-Null
    Get-EucaImage -Name web-nightly | Copy-EucaImage -SourceConnection (Get-EucaCloud) -DestinationConnection $aws -Ebs -Bucket uploads `
        -Name web-on-aws -PollSeconds 0.1 -Confirm:$false | Out-Null

    # Connect-EucaCloud's first example asks for the key pair; here it gets the local cloud's without a prompt.
    function script:Get-Credential {
        [pscredential]::new($keys.S3AccessKey, (ConvertTo-SecureString $keys.S3SecretKey -AsPlainText -Force))
    }

    # SecretManagement is not installed on test machines: Set-EucaCredential's vault example stores its secret in a
    # stand-in of this file (the module reads it back through Get-Secret, found the same way as the real one).
    $script:standInVault = @{}
    $script:secretKey = ConvertTo-SecureString $keys.S3SecretKey -AsPlainText -Force
    function script:Set-Secret([string] $Name, [object] $Secret, [string] $Vault) { $standInVault["$Vault/$Name"] = $Secret }
    function script:Get-Secret([string] $Name, [string] $Vault, [switch] $AsPlainText) { $standInVault["$Vault/$Name"] }

    # An import of ./centos7.raw whose last part never arrived (as after Ctrl+C): the task stays active, waiting for it.
    # The conversion reads one part per interval, so it is still far from the last of 44 parts when that is deleted.
    function script:Start-InterruptedImport {
        $task = Import-EucaVolume -Path (Join-Path $template 'centos7.raw') -AvailabilityZone one -Bucket resumable -PartSize 1024
        Remove-LastImportPart $storage 'resumable'
        $task
    }

    # The bundle a node controller uploads when a bundle task completes (the local cloud stores nothing itself).
    function script:Send-InstanceBundle([string] $Bucket, [string] $Prefix) {
        $bundle = New-EucaBundle -Path (Join-Path $template 'windows-2012r2.img') -Architecture x86_64 -Prefix $Prefix `
            -Destination (Join-Path $storedFolder ([guid]::NewGuid()))
        $bundle | Send-EucaBundle -Bucket $Bucket -Force | Out-Null
    }

    $script:CmdletNeeds = @{
        # Examples that write ./centos7.img or ./bundles/centos7.img.* run where only the bundle (or nothing) is.
        'Expand-EucaBundle'       = { Remove-Item ./centos7.img }
        'Save-EucaBundle'         = { Remove-Item ./centos7.img }
        'New-EucaBundle'          = { Remove-Item ./bundles -Recurse }
        'Resume-EucaImport'       = { Start-InterruptedImport | Out-Null }
        'Stop-EucaConversionTask' = { Start-InterruptedImport | Out-Null }
        'New-EucaInstanceBundle'  = { Send-InstanceBundle win-images win2012-web }
        'Wait-EucaBundleTask'     = { Send-InstanceBundle win-images win2012-web; New-EucaInstanceBundle i-3b4c5d6e -Bucket win-images -Prefix win2012-web | Out-Null }
        'Stop-EucaBundleTask'     = { New-EucaInstanceBundle i-3b4c5d6e -Bucket win-images -Prefix win2012-web | Out-Null }
        'Remove-EucaSnapshot'     = { New-EucaSnapshot -VolumeId vol-2b3c4d5e -Description scratch -Confirm:$false | Wait-EucaSnapshot | Out-Null }
    }
    # Listings need something to list: a finished import and a bundle task.
    Import-EucaVolume -Path (Join-Path $template 'disk.raw') -AvailabilityZone one -Bucket imports | Wait-EucaConversionTask -PollSeconds 0.1 | Out-Null
    New-EucaInstanceBundle i-2a3b4c5d -Bucket images -Prefix listed | Out-Null
    # -----------------------------------------------------------------------------------------------------------------

    # The command an example's code ends with (for `a | b; c | d` that is d).
    function script:Get-LastCommandName([string] $Code) {
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$null, [ref]$null)
        $last = @($ast.EndBlock.Statements)[-1]
        if ($last -is [System.Management.Automation.Language.PipelineAst] -and $last.PipelineElements[-1] -is [System.Management.Automation.Language.CommandAst]) {
            $last.PipelineElements[-1].GetCommandName()
        }
    }
}

AfterAll {
    Set-Location $PSScriptRoot
    $env:HOME, (Get-PSProvider FileSystem).Home, $env:TMPDIR, $env:XDG_CONFIG_HOME = $savedEnvironment
    Disconnect-EucaCloud
    $cloud, $storage, $awsCloud, $awsStorage | Stop-EucaTestServer
}

Describe 'Help example <Number> of <Name>' -Tags 'CI' -ForEach $examples {
    BeforeAll {
        $workspace = Join-Path $TestDrive "run-$Name-$Number"
        Copy-Item $template $workspace -Recurse
        Set-Location $workspace
        Connect-EucaCloud @session
        Restore-StoredBundles
        if ($CmdletNeeds.ContainsKey($Name)) { & $CmdletNeeds[$Name] }
    }

    AfterAll {
        Set-Location $TestDrive
        Connect-EucaCloud @session
        # A task may complete between the listing and the cancel: the cloud then refuses the cancel, which is fine here.
        Get-EucaConversionTask | Where-Object State -eq active | Stop-EucaConversionTask -Force -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused | Where-Object { $_.FullyQualifiedErrorId -notlike 'Cloud.IncorrectState,*' } | ForEach-Object { throw $_ }
    }

    It 'runs as written: <Code>' {
        # The waits poll the fast local cloud every 0.1 s instead of every 5 s; an example's own -PollSeconds wins.
        $PSDefaultParameterValues = @{ '*-Euca*:PollSeconds' = 0.1 }
        $output = @(& ([scriptblock]::Create($Code)) 2>&1)
        $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors | Should -BeNullOrEmpty -Because "example $Number of $Name must run as written"
        if ((Get-LastCommandName $Code) -match '^(Get|Find)-Euca') {
            $output.Count | Should -BeGreaterThan 0 -Because "example $Number of $Name lists something on the local cloud"
        }
    }
}
