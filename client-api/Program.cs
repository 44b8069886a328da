using Platform.Api.Extensions;
using Platform.ClientApi.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformDefaults();
builder.AddPlatformClusterClient();

var app = builder.Build();
app.UsePlatformDefaults();
app.MapGatewayApi();
app.Run();
