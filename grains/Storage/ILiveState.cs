namespace Platform.Grains.Storage;

/// <summary>
/// A grain state that a store living in the silo's own memory (<see cref="ILiveStateStore"/>) may keep as the
/// grain's object itself instead of its serialized bytes: plain data, owned and changed by its one grain only,
/// never shared with another grain or thread. A write then costs no serialization and no copy; a later
/// activation of the grain continues with the same object. Stores that leave the process (PostgreSQL) ignore it.
/// </summary>
public interface ILiveState;
