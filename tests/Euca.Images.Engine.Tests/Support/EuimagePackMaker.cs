using System;
using System.Formats.Tar;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// Makes .euimage packs shaped as euimage-pack-image writes them: a tar (pax, as Python 3's tarfile writes) of
    /// pack-md.yml, image-md.yml and image.xz in that order, pack-md.yml in PyYAML's block style with the SHA-256 of
    /// the image and of image-md.yml. The image bytes stand in for the xz stream; Find never reads them.
    /// </summary>
    internal static class EuimagePackMaker
    {
        public const string ImageMetadata = @"name: centos
version: '7'
release: '20160412'
arch: x86_64
description: |
  CentOS 7 for Eucalyptus
profiles:
  default:
    register:
      virtualization-type: hvm
      description: CentOS 7 HVM
      block-device-mappings:
        /dev/sda: ebs
  paravirtual:
    bundle:
      arch: x86_64
    register:
      virtualization-type: paravirtual
      platform: linux
    provides:
      - kernel
";

        public static byte[] Make(string imageMetadata = ImageMetadata, int imageBytes = 4096, bool imageFirst = false, string? packMetadata = null)
        {
            byte[] image = Enumerable.Range(0, imageBytes).Select(i => (byte)(i * 7)).ToArray();
            byte[] imageMd = Encoding.UTF8.GetBytes(imageMetadata);
            packMetadata ??= $"image:\n  sha256sum: {Sha256(image)}\n  size: {imageBytes * 3}\nimage_metadata:\n  sha256sum: {Sha256(imageMd)}\nversion: 1\n";
            using var output = new MemoryStream();
            using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
            {
                if (imageFirst)
                {
                    Add(tar, "image.xz", image);
                }

                Add(tar, "pack-md.yml", Encoding.UTF8.GetBytes(packMetadata));
                Add(tar, "image-md.yml", imageMd);
                if (!imageFirst)
                {
                    Add(tar, "image.xz", image);
                }
            }

            return output.ToArray();
        }

        public static string Sha256(byte[] data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();

        private static void Add(TarWriter tar, string name, byte[] data) =>
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
    }
}
