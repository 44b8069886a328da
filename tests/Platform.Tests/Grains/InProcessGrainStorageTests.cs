using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Platform.Grains.Creators;
using Platform.Grains.Storage;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Grains;

[Collection(PlatformCollection.Name)]
public sealed class InProcessGrainStorageTests(PlatformServerFixture platform)
{
    private readonly InProcessGrainStorage _storage = new(platform.Server.Services.GetRequiredService<Serializer>());
    private readonly GrainId _grain = GrainId.Create("test", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ReadReturnsTheLastWrittenStateAsACopy()
    {
        var state = new GrainState<VideoTotals>(new VideoTotals { Views = 3 });
        await _storage.WriteStateAsync("s", _grain, state);
        state.State!.Views = 5;
        await _storage.WriteStateAsync("s", _grain, state);
        state.State!.Views = 99;

        var read = new GrainState<VideoTotals>(new VideoTotals());
        await _storage.ReadStateAsync("s", _grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(5, read.State!.Views);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteFromAStaleVersionIsRefusedAndChangesNothing()
    {
        var first = new GrainState<VideoTotals>(new VideoTotals { Views = 1 });
        await _storage.WriteStateAsync("s", _grain, first);
        var stale = new GrainState<VideoTotals>(new VideoTotals { Views = 2 }) { ETag = first.ETag };
        await _storage.WriteStateAsync("s", _grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("s", _grain, stale));
        var neverRead = new GrainState<VideoTotals>(new VideoTotals { Views = 7 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("s", _grain, neverRead));

        var read = new GrainState<VideoTotals>(new VideoTotals());
        await _storage.ReadStateAsync("s", _grain, read);
        Assert.Equal(1, read.State!.Views);
    }

    [Fact]
    public async Task ClearedStateReadsAsAbsentAndCanBeWrittenAgain()
    {
        var state = new GrainState<VideoTotals>(new VideoTotals { Views = 4 });
        await _storage.WriteStateAsync("s", _grain, state);
        await _storage.ClearStateAsync("s", _grain, state);

        var read = new GrainState<VideoTotals>(new VideoTotals());
        await _storage.ReadStateAsync("s", _grain, read);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);

        await _storage.WriteStateAsync("s", _grain, state);
        await _storage.ReadStateAsync("s", _grain, read);
        Assert.Equal(4, read.State!.Views);
    }

    [Fact]
    public async Task ALiveStateIsKeptAsTheGrainsOwnObjectUnderTheSameVersionCheck()
    {
        var state = new GrainState<CreatorState>(new CreatorState { Followers = 2 });
        await _storage.WriteStateAsync("s", _grain, state);

        var read = new GrainState<CreatorState>(new CreatorState());
        await _storage.ReadStateAsync("s", _grain, read);
        Assert.Same(state.State, read.State);
        Assert.Equal(state.ETag, read.ETag);

        var stale = new GrainState<CreatorState>(new CreatorState { Followers = 9 }) { ETag = "0" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("s", _grain, stale));
        var again = new GrainState<CreatorState>(new CreatorState());
        await _storage.ReadStateAsync("s", _grain, again);
        Assert.Same(state.State, again.State);
    }
}
