using Platform.Api.Extensions;
using Platform.Silo.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformDefaults();
builder.AddPlatformSilo();

var app = builder.Build();
app.UsePlatformDefaults();
app.MapPlatformSilo();
app.Run();
