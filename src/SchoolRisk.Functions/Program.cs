using SchoolRisk.Functions;

var app = await FunctionApp.BuildAsync(args);
await app.RunAsync();
