# Get-EucaDiskImage and ConvertTo-EucaRawImage through the module, and New-EucaBundle taking a VHDX, QCOW2 or VMDK
# directly. The images are made by qemu-img from one raw disk with holes; the raw form must equal it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    # 3 MiB and a bit in whole sectors (qemu-img rounds up to them): data, a hole of zeros, text; qemu-img leaves the
    # hole unallocated.
    $script:raw = Join-Path $TestDrive 'source.raw'
    New-TestImage -Path $raw -Seed 14 -RandomBytes 300000 -ZeroBytes 2700336 -TextBytes 150000
    $script:vhdx = ConvertTo-QemuTestImage $raw vhdx (Join-Path $TestDrive 'web.vhdx')
    $script:qcow2 = ConvertTo-QemuTestImage $raw qcow2 (Join-Path $TestDrive 'kvm.qcow2') -Options '-c'
    $script:vmdk = ConvertTo-QemuTestImage $raw vmdk (Join-Path $TestDrive 'vm.vmdk') -Options '-o', 'subformat=streamOptimized'
    $script:vhd = ConvertTo-QemuTestImage $raw vpc (Join-Path $TestDrive 'old.vhd') -Options '-o', 'force_size=on'
    $script:rawHash = (Get-FileHash $raw).Hash
}

Describe 'Get-EucaDiskImage' -Tags 'CI' {
    It 'recognises each format by content and reports its sizes' {
        $infos = $vhdx, $qcow2, $vmdk, $vhd, $raw | Get-EucaDiskImage
        $infos.Format | Should -Be @('Vhdx', 'Qcow2', 'Vmdk', 'Vhd', 'Raw')
        $infos.Subformat | Should -Be @('dynamic', 'v3', 'streamOptimized', 'dynamic', 'raw')
        $infos.VirtualSize | Should -Be @(3150336, 3150336, 3150336, 3150336, 3150336) -Because 'every format describes the same disk'
        $infos[0].AllocatedSize | Should -BeLessOrEqual $infos[0].VirtualSize
        $infos[0].GetType().FullName | Should -Be 'Euca.Images.Engine.DiskImages.DiskImageInfo'
        ($infos | Format-Table | Out-String) | Should -Match 'Vhdx\s+dynamic'
    }

    It 'takes files from Get-ChildItem, whatever their names say' {
        Copy-Item $qcow2 (Join-Path $TestDrive 'misnamed.raw')
        (Get-Item (Join-Path $TestDrive 'misnamed.raw') | Get-EucaDiskImage).Format | Should -Be 'Qcow2'
    }

    It 'refuses a truncated image with a stable error id' {
        $cut = Join-Path $TestDrive 'cut.vhdx'
        Copy-Item $vhdx $cut
        $file = [IO.File]::Open($cut, 'Open'); $file.SetLength(5MB); $file.Dispose()
        { Get-EucaDiskImage $cut -ErrorAction Stop } | Should -Throw -ErrorId 'DiskImageBeyondFile*'
    }
}

Describe 'ConvertTo-EucaRawImage' -Tags 'CI' {
    It 'writes the raw disk of <Name>, equal to the source' -ForEach @(
        @{ Name = 'VHDX' }, @{ Name = 'QCOW2' }, @{ Name = 'VMDK' }, @{ Name = 'VHD' }
    ) {
        $source = @{ VHDX = $vhdx; QCOW2 = $qcow2; VMDK = $vmdk; VHD = $vhd }[$Name]
        $destination = Join-Path $TestDrive "$Name.raw"
        $result = ConvertTo-EucaRawImage -Path $source -Destination $destination
        $result.GetType().FullName | Should -Be 'Euca.Images.Engine.DiskImages.Conversion.RawImageConversion'
        $result.Size | Should -Be 3150336
        $result.DataBytesWritten | Should -BeLessThan 3150336 -Because 'the hole is not written'
        (Get-FileHash $destination).Hash | Should -Be $rawHash
        ($result | Format-Table | Out-String) | Should -Match 'streamOptimized|dynamic|v3'
    }

    It 'does nothing with -WhatIf' {
        ConvertTo-EucaRawImage -Path $vhdx -Destination (Join-Path $TestDrive 'whatif.raw') -WhatIf | Should -BeNullOrEmpty
        Join-Path $TestDrive 'whatif.raw' | Should -Not -Exist
    }

    It 'keeps an existing destination unless -Force is given' {
        $taken = Join-Path $TestDrive 'taken.raw'
        Set-Content $taken 'keep'
        { ConvertTo-EucaRawImage -Path $qcow2 -Destination $taken -ErrorAction Stop } | Should -Throw -ErrorId 'RawImageDestinationExists*'
        Get-Content $taken | Should -Be 'keep'
        ConvertTo-EucaRawImage -Path $qcow2 -Destination $taken -Force | Out-Null
        (Get-FileHash $taken).Hash | Should -Be $rawHash
    }

    It 'leaves nothing behind when the source is refused' {
        $overlay = Join-Path $TestDrive 'overlay.qcow2'
        & qemu-img create -q -f qcow2 -b $qcow2 -F qcow2 $overlay
        $before = @(Get-ChildItem $TestDrive -File).Count
        { ConvertTo-EucaRawImage -Path $overlay -Destination (Join-Path $TestDrive 'overlay.raw') -ErrorAction Stop } | Should -Throw -ErrorId 'DiskImageHasParent*'
        @(Get-ChildItem $TestDrive -File -Force).Count | Should -Be $before
    }
}

Describe 'New-EucaBundle from other disk formats' -Tags 'CI' {
    It 'bundles a <Name> as the raw disk it describes' -ForEach @(@{ Name = 'VHDX' }, @{ Name = 'QCOW2' }, @{ Name = 'VMDK' }) {
        $source = @{ VHDX = $vhdx; QCOW2 = $qcow2; VMDK = $vmdk }[$Name]
        $keys = Join-Path (Get-Euca2oolsTestData) 'keys'
        $signing = @{
            Architecture = 'x86_64'; AccountId = '123456789012'; Certificate = Join-Path $keys 'user-cert.pem'
            PrivateKey = Join-Path $keys 'user-key.pem'; CloudCertificate = Join-Path $keys 'cloud-cert.pem'
        }
        $fromRaw = New-EucaBundle -Path $raw -Prefix disk @signing -Destination (Join-Path $TestDrive "raw-$Name")
        $fromImage = New-EucaBundle -Path $source -Prefix disk @signing -Destination (Join-Path $TestDrive "img-$Name")
        # The digest covers the tar stream, member name included: the same prefix makes the same stream.
        $fromImage.ImageSize | Should -Be 3150336
        $fromImage.ImageDigest | Should -Be $fromRaw.ImageDigest
        $restored = Expand-EucaBundle -ManifestPath $fromImage.ManifestPath -PrivateKey $signing.PrivateKey -Destination (Join-Path $TestDrive "restored-$Name")
        (Get-FileHash $restored.Path).Hash | Should -Be $rawHash
    }
}

Describe 'Disk image paths: wildcards and -LiteralPath' -Tags 'CI' {
    BeforeAll {
        $script:folder = New-Item -ItemType Directory (Join-Path $TestDrive 'paths')
        Copy-Item $vhdx (Join-Path $folder 'web[1].vhdx')
        Copy-Item $qcow2 (Join-Path $folder 'kvm.qcow2')
    }

    It 'Get-EucaDiskImage describes every file a pattern matches' {
        (Get-EucaDiskImage -Path (Join-Path $folder '*') | ForEach-Object { "$($_.Format)" } | Sort-Object) | Should -Be @('Qcow2', 'Vhdx')
    }

    It 'takes a name with brackets as it is through -LiteralPath' {
        (Get-EucaDiskImage -LiteralPath (Join-Path $folder 'web[1].vhdx')).Format | Should -Be 'Vhdx'
        $converted = ConvertTo-EucaRawImage -LiteralPath (Join-Path $folder 'web[1].vhdx') -Destination (Join-Path $TestDrive 'literal.raw')
        (Get-FileHash $converted.Path).Hash | Should -Be $rawHash
    }

    It 'ConvertTo-EucaRawImage converts the one file a pattern matches, and refuses none or several' {
        $converted = ConvertTo-EucaRawImage -Path (Join-Path $folder 'kvm.*') -Destination (Join-Path $TestDrive 'pattern.raw')
        (Get-FileHash $converted.Path).Hash | Should -Be $rawHash
        { ConvertTo-EucaRawImage -Path (Join-Path $folder '*') -Destination (Join-Path $TestDrive 'several.raw') -ErrorAction Stop } |
            Should -Throw -ErrorId 'PathMatchesSeveralFiles*'
        { ConvertTo-EucaRawImage -Path (Join-Path $folder 'none-*') -Destination (Join-Path $TestDrive 'none.raw') -ErrorAction Stop } |
            Should -Throw -ErrorId 'PathMatchesNoFile*'
        Join-Path $TestDrive 'several.raw' | Should -Not -Exist
    }
}
