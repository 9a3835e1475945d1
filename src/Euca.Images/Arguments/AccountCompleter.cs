using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Images;

namespace Euca.Images.Arguments
{
    /// <summary>
    /// Completes who owns or may launch images: the words the cloud knows (self, all) and the account ids of the
    /// images the caller can see, each with its alias when the cloud gives one.
    /// </summary>
    public abstract class AccountCompleterBase : CloudIdCompleter
    {
        /// <summary>The words accepted besides account ids, each with what it means.</summary>
        protected abstract IReadOnlyList<CompletionEntry> Words { get; }

        /// <inheritdoc />
        protected override string Kind => "account:" + GetType().Name;

        /// <inheritdoc />
        protected override async Task<IReadOnlyList<CompletionEntry>> ListAsync(CloudConnection connection, string scope, CancellationToken cancellationToken)
        {
            IEnumerable<ImageInfo> images = await UsableImages.ListAsync(connection, new ImageKind[0], cancellationToken).ConfigureAwait(false);
            IEnumerable<CompletionEntry> owners = images
                .Where(image => !string.IsNullOrEmpty(image.OwnerId))
                .GroupBy(image => image.OwnerId!)
                .Select(group => new CompletionEntry(group.Key,
                    $"account {group.Key}{(group.First().OwnerAlias is string alias ? " (" + alias + ")" : string.Empty)}, owner of {group.Count()} image(s) you can see"));
            return Words.Concat(owners).ToList();
        }
    }

    /// <summary>Completes -Owner and -ExecutableBy: self, all, and the accounts seen.</summary>
    public sealed class AccountCompleter : AccountCompleterBase
    {
        /// <inheritdoc />
        protected override IReadOnlyList<CompletionEntry> Words => new[]
        {
            new CompletionEntry("self", "self - your own account"),
            new CompletionEntry("all", "all - every account (public images)"),
        };
    }

    /// <summary>Completes launch permissions to add or remove: all (public), and the accounts seen.</summary>
    public sealed class LaunchPermissionCompleter : AccountCompleterBase
    {
        /// <inheritdoc />
        protected override IReadOnlyList<CompletionEntry> Words => new[] { new CompletionEntry("all", "all - everyone may launch the image (public)") };
    }
}
