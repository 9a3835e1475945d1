using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Tests.Storage
{
    public sealed class TransferProgressTests
    {
        [Fact]
        public void PartsAResumeFindsStoredCountTowardsTheTotalButNotTowardsWhatWasMoved()
        {
            var reports = new List<OperationProgress>();
            var transfer = new TransferProgress(new ProgressCallback(reports.Add), "Uploading", 40, 4);

            transfer.PartResumed(0, "p0", 10);
            transfer.PartResumed(1, "p1", 10);
            transfer.PartAdvanced(2, "p2", 5, 10, 5);
            transfer.PartFinished(2, "p2", 5);

            OperationProgress whole = reports.Last(r => r.Id == 0);
            Assert.Equal(30, whole.BytesDone);
            Assert.Equal(20, whole.BytesResumed);
            Assert.Equal("3 of 4 parts done", whole.CurrentOperation);
        }

        [Fact]
        public void EveryReportOfTheWholeCarriesTheTimeSinceTheTransferStarted()
        {
            var reports = new List<OperationProgress>();
            var transfer = new TransferProgress(new ProgressCallback(reports.Add), "Uploading", 20, 2);
            Thread.Sleep(60);
            transfer.PartAdvanced(0, "p0", 10, 10, 10);

            OperationProgress whole = reports.Single(r => r.Id == 0);
            Assert.True(whole.Elapsed >= TimeSpan.FromMilliseconds(50), $"elapsed {whole.Elapsed}");
            Assert.Null(reports.Single(r => r.Id != 0).Elapsed);
        }
    }
}
