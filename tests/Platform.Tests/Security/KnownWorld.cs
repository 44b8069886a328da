namespace Platform.Tests.Security;

/// <summary>The registered videos, creators and users a fuzz run aims at, so their state can be compared afterwards.</summary>
public sealed record KnownWorld(string[] Videos, string[] Creators, string[] Users, string AdminKey)
{
    public string CreatorOf(int video) => Creators[video];
}
