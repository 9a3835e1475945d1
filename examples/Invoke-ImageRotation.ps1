<#
.SYNOPSIS
Installs a new image and keeps the newest images of a rotation, unregistering the rest with their bundles.

.DESCRIPTION
A nightly job for Task Scheduler, cron or a systemd timer (see Get-Help about_Euca.Images_Unattended):

1. installs the image file -Path as a new instance-store image named ROTATION-STAMP, uploaded under the key prefix
   ROTATION/STAMP of -Bucket (so no two installs share a bundle), tagged rotation=ROTATION and installed=STAMP
   (STAMP is the UTC time, yyyyMMddTHHmmssfffZ, which sorts as it reads);
2. waits until the image is available;
3. keeps the newest -Keep images tagged rotation=ROTATION and unregisters the others for good (-Purge), with
   their bundles (-RemoveBundle; a bundle another registered image still uses is kept).

It connects with the stored profile -ProfileName (Set-EucaCredential -StoreAs), else with what the configuration
files and environment give, and never with or to the session's default connection. Everything it does and every
error goes to the transcript -LogPath. It exits with 0 when everything succeeded and 1 on any failure, which Task
Scheduler and systemd report.

.PARAMETER Path
The image file to install (a raw disk).

.PARAMETER Rotation
The rotation's name: the rotation tag's value, the images' name prefix and the bundles' key prefix.

.PARAMETER Bucket
The bucket for the bundles (created if missing).

.PARAMETER Keep
How many of the newest images to keep, the one installed now included (default 3).

.PARAMETER Architecture
The image's architecture (default x86_64).

.PARAMETER ProfileName
The stored profile to connect with.

.PARAMETER LogPath
The transcript file (appended to); by default euca-rotation-ROTATION.log in the temporary folder.

.PARAMETER ModulePath
The Euca.Images module to import; by default the one PowerShell finds by name.

.EXAMPLE
pwsh -NonInteractive -File ./Invoke-ImageRotation.ps1 -Path /srv/images/web.raw -Rotation web -Bucket images -Keep 3 -ProfileName nightly

Installs tonight's web image and keeps the three newest.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Path,
    [Parameter(Mandatory)] [ValidatePattern('^[a-z0-9][a-z0-9-]{0,40}$')] [string] $Rotation,
    [Parameter(Mandatory)] [string] $Bucket,
    [ValidateRange(1, 100)] [int] $Keep = 3,
    [string] $Architecture = 'x86_64',
    [string] $ProfileName,
    [string] $LogPath = (Join-Path ([IO.Path]::GetTempPath()) "euca-rotation-$Rotation.log"),
    [string] $ModulePath = 'Euca.Images'
)

$ErrorActionPreference = 'Stop'
$null = Start-Transcript -Path $LogPath -Append
$exitCode = 1
try {
    Import-Module $ModulePath
    $connection = if ($ProfileName) { Connect-EucaCloud -ProfileName $ProfileName -NoDefault } else { Connect-EucaCloud -NoDefault }
    $stamp = [DateTime]::UtcNow.ToString('yyyyMMddTHHmmssfffZ', [Globalization.CultureInfo]::InvariantCulture)
    Write-Output "Installing $Path as $Rotation-$stamp into $Bucket/$Rotation/$stamp with $($connection.AccessKey) at $($connection.ComputeUrl)."

    $image = Install-EucaImage -Connection $connection -Path $Path -Name "$Rotation-$stamp" -Bucket $Bucket -KeyPrefix "$Rotation/$stamp" `
        -Architecture $Architecture -Tag @{ rotation = $Rotation; installed = $stamp } -Confirm:$false
    $image = Wait-EucaImage -Connection $connection -ImageId $image.ImageId -State available -TimeoutSeconds 1800
    Write-Output "Installed $($image.ImageId) from $($image.ImageLocation)."

    $members = @(Get-EucaImage -Connection $connection -Owner self -Tag @{ rotation = $Rotation } | Sort-Object { $_.Tags['installed'] } -Descending)
    $retired = @($members | Select-Object -Skip $Keep)
    Write-Output "Keeping $((@($members | Select-Object -First $Keep)).ImageId -join ', '); retiring $(if ($retired) { $retired.ImageId -join ', ' } else { 'none' })."
    foreach ($old in $retired) {
        # -Force: High impact under -NonInteractive, where nobody could answer the prompt.
        Unregister-EucaImage -Connection $connection -ImageId $old.ImageId -Purge -RemoveBundle -Force -TimeoutSeconds 600
        Write-Output "Retired $($old.ImageId) and its bundle $($old.ImageLocation)."
    }

    $exitCode = 0
}
catch {
    Write-Output "FAILED: $($_.FullyQualifiedErrorId): $($_.Exception.Message)"
}
finally {
    $null = Stop-Transcript
}

exit $exitCode
