using System.Linq;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Tests.Storage
{
    public sealed class BundleTransferJournalTests
    {
        [Fact]
        public void AShortListOfStoredPartsIsGivenWhole()
        {
            var journal = new BundleTransferJournal { ManifestLocation = "images/disk.img.manifest.xml" };
            journal.Stored("disk.img.part.01");
            journal.Stored("disk.img.part.00");

            Assert.Contains("2 part(s) are stored in bucket 'images': disk.img.part.00, disk.img.part.01.", journal.Describe());
        }

        [Fact]
        public void ALongListOfStoredPartsGivesTheFirstAndLastFewAndTheCount()
        {
            var journal = new BundleTransferJournal { ManifestLocation = "images/disk.img.manifest.xml" };
            foreach (int i in Enumerable.Range(0, 4000).Reverse())
            {
                journal.Stored($"disk.img.part.{i:0000}");
            }

            string text = journal.Describe();

            Assert.Contains("4000 part(s) are stored in bucket 'images': disk.img.part.0000, disk.img.part.0001, disk.img.part.0002, ... 3994 more ..., " +
                "disk.img.part.3997, disk.img.part.3998, disk.img.part.3999.", text);
            Assert.True(text.Length < 600, text);
        }
    }
}
