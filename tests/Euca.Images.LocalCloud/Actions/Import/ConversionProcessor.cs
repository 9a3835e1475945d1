using System.Net;
using Euca.Images.LocalCloud.Auth;
using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.State.Disks;

namespace Euca.Images.LocalCloud.Actions.Import;

/// <summary>
/// The imaging worker: advances each active conversion task one step at a time. While the manifest or a part is
/// missing or short the task waits (the upload may be resumed) until the upload timeout, then fails; every URL of the
/// manifest is checked (SigV2 signature, expiry, account) and each part is read through its pre-signed GET URL, one
/// per step, counting ApproximateBytesConverted. A bad signature, an expired URL or a part that reads short fails the
/// task at once: it ends cancelled with a status message, as Eucalyptus reports failed conversions. An ImportVolume
/// task completes with its volume; an ImportInstance task then goes on to launch its instance.
/// </summary>
public sealed class ConversionProcessor(CloudState state, TimeProvider time, HttpClient http)
{
    public async Task StepAllAsync(CancellationToken cancellationToken)
    {
        foreach (ConversionTaskRecord task in state.ConversionTasks.Snapshot().Where(t => t.State == ConversionTaskRecord.Active))
        {
            try
            {
                await StepAsync(task, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                Update(task, t => t with { StatusMessage = $"Pending : object storage is unreachable ({e.Message})" });
            }
        }
    }

    private async Task StepAsync(ConversionTaskRecord task, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        Account account = state.FindAccount(task.OwnerId)!;
        Uri storage = state.Import.ObjectStorageUrl!;
        if (now > task.ExpirationTime)
        {
            Fail(task, $"Import task expired at {task.ExpirationTime:u} before its disk image was uploaded");
            return;
        }

        if (task.Parts is null)
        {
            await WaitForUploadAsync(task, account, storage, now, cancellationToken);
            return;
        }

        if (task.PartsConverted == task.Parts.Count)
        {
            Update(task, t => ImportedInstanceLauncher.Step(state, t, now));
            return;
        }

        ImportPartRecord part = task.Parts[task.PartsConverted];
        if (SigV2QueryVerifier.Check(part.GetUrl, "GET", storage, account, now) is string bad)
        {
            Fail(task, $"Failed to download part {part.Index}: {bad}");
            return;
        }

        using HttpResponseMessage response = await http.GetAsync(part.GetUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Fail(task, $"Failed to download part {part.Index} ({part.Key}): HTTP {(int)response.StatusCode}");
            return;
        }

        long length = await KeepBytesAsync(task, part, response, cancellationToken);
        if (length != part.Length)
        {
            Fail(task, $"Part {part.Index} ({part.Key}) is {length} bytes; the manifest says {part.Length}");
            return;
        }

        bool last = task.PartsConverted + 1 == task.Parts.Count;
        if (!last)
        {
            Update(task, t => t with { BytesConverted = t.BytesConverted + length, PartsConverted = t.PartsConverted + 1, StatusMessage = "Converting" });
            return;
        }

        VolumeRecord volume = state.Volumes.Create(task.OwnerId, task.VolumeSize, task.AvailabilityZone, null, now);
        if (string.Equals(task.Format, "VMDK", StringComparison.OrdinalIgnoreCase))
        {
            // The imaging worker converts an imported VMDK into the raw volume (a failed conversion leaves it without bytes).
            if (await QemuImg.ConvertAsync("vmdk", state.Disks.PathOf(task.ConversionTaskId), "raw", state.Disks.PathOf(volume.VolumeId), cancellationToken) is string failed)
            {
                await Console.Error.WriteLineAsync($"LocalCloud: {task.ConversionTaskId}: {failed}");
            }

            state.Disks.Delete(task.ConversionTaskId);
        }
        else
        {
            state.Disks.Rename(task.ConversionTaskId, volume.VolumeId);
        }
        Update(task, t => t with { BytesConverted = t.BytesConverted + length, PartsConverted = t.PartsConverted + 1, VolumeId = volume.VolumeId });
        Update(task, t => t.TaskType == "ImportInstance" ? ImportedInstanceLauncher.Step(state, t, now) : t with { State = ConversionTaskRecord.Completed, StatusMessage = "" });
    }

    private async Task WaitForUploadAsync(ConversionTaskRecord task, Account account, Uri storage, DateTimeOffset now, CancellationToken cancellationToken)
    {
        bool timedOut = now - task.CreatedAt > state.Import.UploadTimeout;
        if (SigV2QueryVerifier.Check(task.ManifestUrl, "GET", storage, account, now) is string badManifestUrl)
        {
            Fail(task, $"Failed to download the import manifest: {badManifestUrl}");
            return;
        }

        using HttpResponseMessage response = await http.GetAsync(task.ManifestUrl, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            Wait(task, timedOut, "the import manifest was not uploaded");
            return;
        }

        if (!response.IsSuccessStatusCode)
        {
            Fail(task, $"Failed to download the import manifest: HTTP {(int)response.StatusCode}");
            return;
        }

        (ImportManifestParser.Manifest? manifest, string? invalid) = ImportManifestParser.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        if (manifest is null)
        {
            // Possibly still being written (s3rver stores objects while receiving them): wait, and fail at the timeout.
            Wait(task, timedOut, $"invalid import manifest: {invalid}");
            return;
        }

        if (!string.Equals(manifest.FileFormat, task.Format, StringComparison.OrdinalIgnoreCase) || manifest.VolumeSize != task.VolumeSize)
        {
            Fail(task, $"Invalid import manifest: it describes a {manifest.FileFormat} image for a {manifest.VolumeSize} GiB volume; the task wants {task.Format}, {task.VolumeSize} GiB");
            return;
        }

        foreach (ImportPartRecord part in manifest.Parts)
        {
            foreach ((string url, string method) in new[] { (part.HeadUrl, "HEAD"), (part.GetUrl, "GET"), (part.DeleteUrl, "DELETE") })
            {
                if (SigV2QueryVerifier.Check(url, method, storage, account, now) is string bad)
                {
                    Fail(task, $"Invalid import manifest: part {part.Index}: {bad}");
                    return;
                }
            }
        }

        // s3rver writes an object while it receives it, so a part can look short (or fail to answer) while its PUT is
        // still running: such a part, like a missing one, is waited for; if it is still short at the upload timeout the task fails.
        var incomplete = new List<string>();
        foreach (ImportPartRecord part in manifest.Parts)
        {
            using var head = new HttpRequestMessage(HttpMethod.Head, part.HeadUrl);
            using HttpResponseMessage found = await http.SendAsync(head, cancellationToken);
            if (found.StatusCode == HttpStatusCode.NotFound)
            {
                incomplete.Add($"part {part.Index} is missing");
            }
            else if ((int)found.StatusCode >= 500)
            {
                // s3rver answers HEAD with 500 while a PUT of the object is still writing its metadata file.
                incomplete.Add($"part {part.Index} ({part.Key}) could not be checked (HTTP {(int)found.StatusCode})");
            }
            else if (!found.IsSuccessStatusCode)
            {
                Fail(task, $"Failed to check part {part.Index} ({part.Key}): HTTP {(int)found.StatusCode}");
                return;
            }
            else if (found.Content.Headers.ContentLength != part.Length)
            {
                incomplete.Add($"part {part.Index} ({part.Key}) is {found.Content.Headers.ContentLength} bytes; the manifest says {part.Length}");
            }
        }

        if (incomplete.Count > 0)
        {
            Wait(task, timedOut, $"{incomplete.Count} of {manifest.Parts.Count} parts are missing or short (first: {incomplete[0]})");
            return;
        }

        Update(task, t => t with { Parts = manifest.Parts, StatusMessage = "Converting" });
    }

    private void Wait(ConversionTaskRecord task, bool timedOut, string reason)
    {
        if (timedOut)
        {
            Fail(task, $"Timed out waiting for the upload: {reason}");
        }
        else
        {
            Update(task, t => t with { StatusMessage = $"Pending : {reason}" });
        }
    }

    private void Fail(ConversionTaskRecord task, string message) =>
        Update(task, t => t with { State = ConversionTaskRecord.Cancelled, StatusMessage = message });

    /// <summary>Applies a change unless the task left the active state meanwhile (cancelled by its owner).</summary>
    private void Update(ConversionTaskRecord task, Func<ConversionTaskRecord, ConversionTaskRecord> change) =>
        state.ConversionTasks.Update(task.ConversionTaskId, current => current.State == ConversionTaskRecord.Active ? change(current) : current);

    /// <summary>Reads a part into the task's work file at its offset and returns its length; the file becomes the
    /// volume's bytes (converted first when it is a VMDK).</summary>
    private async Task<long> KeepBytesAsync(ConversionTaskRecord task, ImportPartRecord part, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await state.Disks.WriteAsync(task.ConversionTaskId, part.Start, body, cancellationToken);
    }
}
