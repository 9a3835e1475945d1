using Euca.Images.Engine.Import;
using Euca.Images.Engine.Workflows;

namespace Euca.Images.Engine.Tests.Workflows
{
    /// <summary>What an interrupted import or EBS image run says it left, at each stage.</summary>
    public sealed class LeftoverJournalTests
    {
        private static readonly ImportLocation Location = new ImportLocation("imports", "disks/1f2e/root's.raw.manifest.xml");

        [Fact]
        public void AnImportWithoutATaskHasNothingToCleanUp()
        {
            Assert.Equal("No conversion task was created, so nothing needs resuming or cleaning up.", new ImportJournal().Describe());
        }

        [Fact]
        public void AnImportStoppedWhileUploadingNamesItsTaskFolderResumeAndCleanup()
        {
            var journal = new ImportJournal();
            journal.Record("import-vol-1a2b3c4d", Location, "/data/root's.raw", resumable: true);

            string text = journal.Describe();

            Assert.StartsWith("Left behind: conversion task import-vol-1a2b3c4d and the objects under imports/disks/1f2e/.", text);
            Assert.Contains("Resume-EucaImport -ConversionTaskId import-vol-1a2b3c4d -Path '/data/root''s.raw'", text);
            Assert.Contains("Stop-EucaConversionTask -ConversionTaskId import-vol-1a2b3c4d -RemoveDiskImage", text);
        }

        [Fact]
        public void AnImportOfAnotherCloudsObjectOffersOnlyTheCleanup()
        {
            var journal = new ImportJournal();
            journal.Record("import-vol-1a2b3c4d", Location, "s3://vmie/exports/export-ami-0123456789abcdef0.raw", resumable: false);

            string text = journal.Describe();

            Assert.DoesNotContain("Resume-EucaImport", text);
            Assert.EndsWith("Clean up with: Stop-EucaConversionTask -ConversionTaskId import-vol-1a2b3c4d -RemoveDiskImage", text);
        }

        [Fact]
        public void AnImportWithEveryPartStoredSaysTheCloudConvertsItAndHowToFollowIt()
        {
            var journal = new ImportJournal();
            journal.Record("import-vol-1a2b3c4d", Location, "/data/root.raw", resumable: true);
            journal.Uploaded();

            string text = journal.Describe();

            Assert.Contains("Wait-EucaConversionTask -ConversionTaskId import-vol-1a2b3c4d", text);
            Assert.DoesNotContain("Resume-EucaImport", text);
        }

        [Fact]
        public void AnEbsImageRunReportsEachStageWithItsNextCommand()
        {
            var import = new VolumeImportRequest("/data/root.raw", "imports", "one");
            var request = new EbsImageRequest("centos-7", import);
            EbsImageJournal journal = request.Journal;
            Assert.Equal("Nothing was left behind.", journal.Describe());

            import.Upload.Journal.Record("import-vol-1a2b3c4d", Location, import.Path, resumable: true);
            Assert.Equal("import-vol-1a2b3c4d", journal.ConversionTaskId);
            Assert.Contains("resume with Resume-EucaImport -ConversionTaskId import-vol-1a2b3c4d -Path '/data/root.raw'", journal.Describe());

            import.Upload.Journal.Uploaded();
            Assert.Contains("is converting the uploaded disk into a volume (follow it with Wait-EucaConversionTask", journal.Describe());

            journal.VolumeId = "vol-11112222";
            Assert.Contains("volume vol-11112222 exists (snapshot it with New-EucaSnapshot -VolumeId vol-11112222, or delete it with Remove-EucaVolume -VolumeId vol-11112222)", journal.Describe());
            Assert.Contains("the uploaded disk image of import-vol-1a2b3c4d exists", journal.Describe());

            journal.SnapshotId = "snap-33334444";
            Assert.Contains("snapshot snap-33334444 exists (register it with Register-EucaImage -Name 'centos-7' -SnapshotId snap-33334444)", journal.Describe());
            Assert.Contains("volume vol-11112222 exists (delete it with Remove-EucaVolume -VolumeId vol-11112222)", journal.Describe());

            journal.ImageId = "emi-55556666";
            journal.DiskImageRemoved = true;
            journal.VolumeId = null;
            Assert.Equal("Left behind: image emi-55556666 is registered (remove it with Unregister-EucaImage -ImageId emi-55556666 -Purge).", journal.Describe());
        }
    }
}
