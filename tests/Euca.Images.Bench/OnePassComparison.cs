using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Bench
{
    /// <summary>
    /// The one-pass target: bundle-and-upload in one pass against bundling alone and against bundling then uploading.
    /// The runs are repeated in alternating rounds and the median ratio taken, so one slow moment of the machine cannot
    /// decide a ratio of two runs of about the same length; every stored bundle is removed before the next step, so
    /// each step starts with the same empty store.
    /// </summary>
    internal static class OnePassComparison
    {
        public const int Rounds = 3;

        public static async Task<(double VsBundlingAlone, double VsBundleThenUpload)> RunAsync(StepTimer timer, CloudConnection connection,
            Func<string, BundleCreateRequest> request)
        {
            async Task Remove(BundleUpload upload) =>
                await BundleRemover.RemoveAsync(connection, new BundleRemoveRequest(upload.ManifestLocation, removeBucket: true), null, CancellationToken.None);

            for (int round = 1; round <= Rounds; round++)
            {
                await timer.Time($"bundle alone #{round}", () => BundleCreator.CreateAsync(request("bundle"), null, CancellationToken.None));
                await Remove(await timer.Time($"bundle-and-upload in one pass #{round}", () => BundleStreamUploader.CreateAndSendAsync(connection,
                    new BundleCreateAndSendRequest(request("streamed"), new BundleUploadTarget("streamed")), null, CancellationToken.None)));
                await Remove(await timer.Time($"bundle, then upload #{round}", async () =>
                {
                    BundleInfo bundle = await BundleCreator.CreateAsync(request("then"), null, CancellationToken.None);
                    return await BundleUploader.SendAsync(connection, new BundleSendRequest(bundle.ManifestPath, new BundleUploadTarget("then")), null, CancellationToken.None);
                }));
            }

            double Median(Func<int, double> perRound) => Enumerable.Range(1, Rounds).Select(perRound).OrderBy(v => v).ElementAt(Rounds / 2);
            return (Median(r => timer.Seconds($"bundle-and-upload in one pass #{r}") / timer.Seconds($"bundle alone #{r}")),
                Median(r => timer.Seconds($"bundle-and-upload in one pass #{r}") / timer.Seconds($"bundle, then upload #{r}")));
        }
    }
}
