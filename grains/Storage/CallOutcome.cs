namespace Platform.Grains.Storage;

/// <summary>Hands a merged call's outcome to every sender it carried (<see cref="CallMerger{T}"/>, the video engagement lanes).</summary>
public static class CallOutcome
{
    /// <summary>Completes each of <paramref name="senders"/>: succeeded when <paramref name="failure"/> is null, failed with it otherwise.</summary>
    public static void CompleteAll(List<TaskCompletionSource> senders, Exception? failure)
    {
        foreach (var sender in senders)
        {
            if (failure is null)
            {
                sender.TrySetResult();
            }
            else
            {
                sender.TrySetException(failure);
            }
        }
    }
}
