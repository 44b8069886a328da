using Platform.Api.Extensions;
using Platform.ClientApi.Extensions;

// The content root is the program's own folder, so its appsettings.json applies from whatever directory it is started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddPlatformDefaults();
builder.AddPlatformClusterClient();

var app = builder.Build();
app.UsePlatformDefaults();
app.MapGatewayApi();
app.Run();
