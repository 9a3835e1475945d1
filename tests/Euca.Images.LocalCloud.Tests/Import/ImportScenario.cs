using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace Euca.Images.LocalCloud.Tests.Import;

/// <summary>One disk import driven by hand: a random disk, its manifest (shape of bundle-format.md §5.5) with
/// URLs from <see cref="ImportCloudFixture.Presign"/>, the ImportVolume call and the uploads.</summary>
internal sealed class ImportScenario(ImportCloudFixture cloud, int size, int partSize = 1000)
{
    public string Folder { get; } = Guid.NewGuid().ToString("D");

    public byte[] Disk { get; } = RandomBytes(size);

    public string ManifestKey => Folder + "/disk.raw.manifest.xml";

    public int PartCount => (Disk.Length + partSize - 1) / partSize;

    /// <summary>Per part, a replacement for one of its URLs (method → URL), to plant bad ones.</summary>
    public Dictionary<(int Part, string Method), string> UrlOverrides { get; } = [];

    public string PartKey(int index) => $"{Folder}/disk.raw.part.{index}";

    public byte[] PartBytes(int index) => Disk.Skip(index * partSize).Take(partSize).ToArray();

    public string ManifestXml()
    {
        var xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<manifest>\n  <version>2010-11-15</version>\n  <file-format>RAW</file-format>\n")
            .Append("  <importer><name>test</name><version>1</version><release>0</release></importer>\n")
            .Append("  <self-destruct-url>").Append(Escape(cloud.Presign("DELETE", ManifestKey))).Append("</self-destruct-url>\n")
            .Append("  <import>\n    <size>").Append(Disk.Length).Append("</size>\n    <volume-size>1</volume-size>\n")
            .Append("    <parts count=\"").Append(PartCount).Append("\">\n");
        for (int i = 0; i < PartCount; i++)
        {
            long start = (long)i * partSize;
            long end = Math.Min(start + partSize, Disk.Length) - 1;
            xml.Append("      <part index=\"").Append(i).Append("\"><byte-range start=\"").Append(start).Append("\" end=\"").Append(end).Append("\"/>")
                .Append("<key>").Append(PartKey(i)).Append("</key>")
                .Append("<head-url>").Append(Escape(Url(i, "HEAD"))).Append("</head-url>")
                .Append("<get-url>").Append(Escape(Url(i, "GET"))).Append("</get-url>")
                .Append("<delete-url>").Append(Escape(Url(i, "DELETE"))).Append("</delete-url></part>\n");
        }

        return xml.Append("    </parts>\n  </import>\n</manifest>\n").ToString();
    }

    public async Task<ConversionTask> ImportVolumeAsync(AmazonEC2Client ec2) =>
        (await ec2.ImportVolumeAsync(new ImportVolumeRequest
        {
            AvailabilityZone = ImportCloudFixture.Zone,
            Image = new DiskImageDetail { Format = "RAW", Bytes = Disk.Length, ImportManifestUrl = cloud.Presign("GET", ManifestKey) },
            Volume = new VolumeDetail { Size = 1 },
            Description = "scenario",
        })).ConversionTask;

    public async Task UploadManifestAsync() => await cloud.PutAsync(ManifestKey, Encoding.UTF8.GetBytes(ManifestXml()));

    public async Task UploadPartsAsync(IEnumerable<int>? only = null)
    {
        foreach (int i in only ?? Enumerable.Range(0, PartCount))
        {
            await cloud.PutAsync(PartKey(i), PartBytes(i));
        }
    }

    public static async Task<ConversionTask> WaitAsync(AmazonEC2Client ec2, string id, Func<ConversionTask, bool> until, int seconds = 20)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            ConversionTask task = (await ec2.DescribeConversionTasksAsync(new DescribeConversionTasksRequest { ConversionTaskIds = [id] })).ConversionTasks.Single();
            if (until(task) || DateTime.UtcNow > deadline)
            {
                return task;
            }

            await Task.Delay(50);
        }
    }

    private string Url(int part, string method) => UrlOverrides.TryGetValue((part, method), out string? url) ? url : cloud.Presign(method, PartKey(part));

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);

    private static byte[] RandomBytes(int size)
    {
        byte[] data = new byte[size];
        new Random(size).NextBytes(data);
        return data;
    }
}
