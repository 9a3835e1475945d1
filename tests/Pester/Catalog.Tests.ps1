# Find-EucaCatalogImage through the module: every catalog generation from a file and over HTTP (the local cloud's
# /files/ endpoint), the catalog's location from -Uri, EUSTORE_URL and the euca2ools configuration, the filters, and
# the errors of missing, broken and partly broken catalogs.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'CatalogFixtures.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/servers/EucaTestServers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Clear-EucaCloudEnvironment

    $script:catalogs = New-TestCatalogFolder -Path (Join-Path $TestDrive 'catalogs')
    $script:cloud = Start-EucaLocalCloud -FilesDirectory $catalogs
    $script:savedEnvironment = $env:EUSTORE_URL, $env:EUCA_CONFIG_PATH
    # No euca2ools file of the machine running the tests may name a catalog.
    $env:EUCA_CONFIG_PATH = Join-Path $TestDrive 'no-such-config/*.ini'
    Remove-Item env:EUSTORE_URL -ErrorAction SilentlyContinue
}

AfterAll {
    $env:EUSTORE_URL, $env:EUCA_CONFIG_PATH = $savedEnvironment
    $cloud | Stop-EucaTestServer
}

Describe 'Find-EucaCatalogImage from files' -Tags 'CI' {
    It 'reads the <Generation> catalog <File> into CatalogImage objects' -ForEach @(
        @{ File = 'eustore/catalog'; Generation = 'Eustore'; Names = @('1330543208', '2456789012') }
        @{ File = 'catalog-web.json'; Generation = 'CatalogWeb'; Names = @('centos7-2016-05-11', 'ubuntu-trusty-2016-06-01') }
        @{ File = 'image-catalog.json'; Generation = 'EucalyptusImages'; Names = @('ubuntu-focal', 'centos-8', 'fedora-coreos') }
        @{ File = 'packs/centos-7-20160412.x86_64.euimage'; Generation = 'EuimagePack'; Names = @('centos-7-20160412.x86_64', 'centos-7-20160412.x86_64') }
    ) {
        $found = @(Find-EucaCatalogImage -LiteralPath (Join-Path $catalogs $File) -ErrorAction SilentlyContinue)
        $found.Name | Should -Be $Names
        $found | ForEach-Object { $_.Generation | Should -Be $Generation }
        $found[0].GetType().FullName | Should -Be 'Euca.Images.Engine.Catalog.CatalogImage'
    }

    It 'resolves relative download URLs beside the catalog file and keeps every eustore fact' {
        $centos = Find-EucaCatalogImage -Path (Join-Path $catalogs 'eustore/catalog') -Name 1330543208
        $centos.Uri.LocalPath | Should -Be (Join-Path $catalogs 'eustore/centos-5/euca-centos-2011.07.02-x86_64.tar.gz')
        $centos.VirtualizationType | Should -Be 'paravirtual'
        $centos.Hypervisors | Should -Be @('xen', 'kvm')
        $centos.Checksum.ToString() | Should -Be 'EustoreCrc32OfMd5:1330543208'
        $centos.Details['recipe'] | Should -Be 'centos-based'
    }

    It 'lists one entry per euimage profile with the image checksum' {
        $profiles = Get-ChildItem (Join-Path $catalogs 'packs') -Filter *.euimage | Find-EucaCatalogImage
        $profiles.Profile | Should -Be @('default', 'paravirtual')
        $profiles.VirtualizationType | Should -Be @('hvm', 'paravirtual')
        $profiles[0].Checksum.Algorithm | Should -Be 'Sha256'
        $profiles[0].Size | Should -Be 32768
    }

    It 'reads every file a wildcard -Path matches' {
        (Find-EucaCatalogImage -Path (Join-Path $catalogs 'catalog-*.json')).Count | Should -Be 2
    }
}

Describe 'Find-EucaCatalogImage over HTTP' -Tags 'CI' {
    It 'reads a catalog from -Uri and resolves its url-meta entry at once' {
        $found = @(Find-EucaCatalogImage -Uri "$($cloud.FilesUrl)image-catalog.json")
        $found.Name | Should -Be @('ubuntu-focal', 'centos-8', 'fedora-coreos')
        $found[1].Uri | Should -Be "$($cloud.FilesUrl)images/centos-8.raw.xz"
        $found[2].Uri | Should -Be 'https://builds.example.org/fedora-coreos-34.20210626.3.1-openstack.x86_64.qcow2.xz'
    }

    It 'writes a non-terminating error for a url-meta entry it cannot resolve and lists the others' {
        @'
{ "version": "v", "images": [
  { "os": "broken-meta", "url-meta": "streams/stable.json", "url-meta-regex": "\"location\": \"(ftp://[^\"]*)\"" },
  { "os": "plain", "url": "images/plain.raw" } ] }
'@ | Set-Content (Join-Path $catalogs 'broken-meta.json')
        $found = @(Find-EucaCatalogImage -Uri "$($cloud.FilesUrl)broken-meta.json" -ErrorVariable entryErrors -ErrorAction SilentlyContinue)
        $found.Name | Should -Be 'plain'
        $entryErrors.Count | Should -Be 1
        $entryErrors[0].FullyQualifiedErrorId | Should -BeLike 'CatalogUrlMetaUnresolved,*'
        $entryErrors[0].Exception.Message | Should -Match "'broken-meta'"
    }

    It 'reads a euimage pack from its URL' {
        (Find-EucaCatalogImage -Uri "$($cloud.FilesUrl)packs/centos-7-20160412.x86_64.euimage").Profile | Should -Be @('default', 'paravirtual')
    }

    It 'takes EUSTORE_URL as eustore did: a base URL to which catalog is appended' {
        try {
            $env:EUSTORE_URL = "$($cloud.FilesUrl)eustore/"
            (Find-EucaCatalogImage -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })[0].Message |
                Should -Match ([regex]::Escape("$($cloud.FilesUrl)eustore/catalog") + '.*EUSTORE_URL')
            (Find-EucaCatalogImage).Name | Should -Be @('1330543208', '2456789012')
        }
        finally { Remove-Item env:EUSTORE_URL }
    }

    It 'takes eustore-url from the euca2ools configuration, and -Uri over it' {
        $config = Join-Path $TestDrive 'euca2ools.ini'
        "[global]`neustore-url = $($cloud.FilesUrl)catalog-web.json" | Set-Content $config
        try {
            $env:EUCA_CONFIG_PATH = $config
            (Find-EucaCatalogImage).Generation | Select-Object -Unique | Should -Be 'CatalogWeb'
            (Find-EucaCatalogImage -Uri "$($cloud.FilesUrl)eustore/catalog").Generation | Select-Object -Unique | Should -Be 'Eustore'
        }
        finally { $env:EUCA_CONFIG_PATH = Join-Path $TestDrive 'no-such-config/*.ini' }
    }
}

Describe 'Find-EucaCatalogImage filters' -Tags 'CI' {
    BeforeAll {
        $script:all = 'eustore/catalog', 'catalog-web.json', 'image-catalog.json' | ForEach-Object { Join-Path $catalogs $_ }
    }

    It 'keeps <Expected> for <Label>' -ForEach @(
        @{ Label = '-Name ubuntu*'; Filter = @{ Name = 'ubuntu*' }; Expected = @('ubuntu-trusty-2016-06-01', 'ubuntu-focal') }
        @{ Label = '-OS centos*'; Filter = @{ OS = 'centos*' }; Expected = @('1330543208', 'centos7-2016-05-11', 'centos-8') }
        @{ Label = '-Architecture I386'; Filter = @{ Architecture = 'I386' }; Expected = @('2456789012') }
        @{ Label = '-VirtualizationType paravirtual'; Filter = @{ VirtualizationType = 'paravirtual' }; Expected = @('1330543208', '2456789012') }
        @{ Label = '-OS ubuntu* -VirtualizationType hvm'; Filter = @{ OS = 'ubuntu*'; VirtualizationType = 'hvm' }; Expected = @('ubuntu-trusty-2016-06-01', 'ubuntu-focal') }
    ) {
        (@($all | ForEach-Object { Find-EucaCatalogImage -LiteralPath $_ @Filter -ErrorAction SilentlyContinue })).Name | Should -Be $Expected
    }
}

Describe 'Find-EucaCatalogImage errors' -Tags 'CI' {
    It 'reports a missing catalog file as CatalogNotFound' {
        { Find-EucaCatalogImage -LiteralPath (Join-Path $TestDrive 'none.json') -ErrorAction Stop } | Should -Throw -ErrorId 'CatalogNotFound*'
    }

    It 'reports a missing catalog URL as CatalogNotFound' {
        { Find-EucaCatalogImage -Uri "$($cloud.FilesUrl)none.json" -ErrorAction Stop } | Should -Throw -ErrorId 'CatalogNotFound*'
    }

    It 'refuses a location that is not an http, https or file URL' {
        { Find-EucaCatalogImage -Uri 'ftp://example.org/catalog' -ErrorAction Stop } | Should -Throw -ErrorId 'CatalogUriInvalid*'
    }

    It 'refuses a document that is not a catalog' {
        Set-Content (Join-Path $TestDrive 'notes.txt') 'not a catalog'
        { Find-EucaCatalogImage -Path (Join-Path $TestDrive 'notes.txt') -ErrorAction Stop } | Should -Throw -ErrorId 'CatalogInvalid*'
    }

    It 'writes a non-terminating error for a bad entry and still lists the others' {
        $partial = Join-Path $TestDrive 'partial.json'
        '{ "version": "v", "images": [ { "os": "no-url" }, { "os": "ok", "url": "https://example.org/ok.raw" } ] }' | Set-Content $partial
        $found = Find-EucaCatalogImage -Path $partial -ErrorVariable bad -ErrorAction SilentlyContinue
        $found.Name | Should -Be 'ok'
        $bad.FullyQualifiedErrorId | Should -BeLike 'CatalogEntryInvalid,*'
        $bad.TargetObject | Should -Match 'no-url'
    }
}

Describe 'Find-EucaCatalogImage views' -Tags 'CI' {
    It 'shows the table within 120 columns and every fact in the list' {
        $found = Find-EucaCatalogImage -Path (Join-Path $catalogs 'eustore/catalog')
        $table = $found | Format-Table | Out-String -Width 120
        $table | Should -Match 'Name\s+OperatingSystem\s+Version\s+Architecture\s+VirtualizationType\s+Format\s+Size'
        ($table -split "`n" | Where-Object { $_.TrimEnd().Length -gt 120 }) | Should -BeNullOrEmpty
        $list = $found[0] | Format-List | Out-String -Width 120
        foreach ($fact in 'Uri', 'Checksum', 'Hypervisors\s+: xen, kvm', 'Details\s+: contact=images@eucalyptus.com, recipe=centos-based', 'Catalog') {
            $list | Should -Match $fact
        }
    }
}
