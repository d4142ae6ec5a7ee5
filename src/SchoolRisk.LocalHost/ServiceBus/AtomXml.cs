using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace SchoolRisk.LocalHost.ServiceBus;

/// <summary>
/// The ATOM XML of the Service Bus management API, the subset the client (<c>ServiceBusAdministrationClient</c>)
/// writes and parses for topics and subscriptions: a <c>TopicDescription</c> or <c>SubscriptionDescription</c> in an
/// ATOM entry's content, a feed of entries for a listing, the counts in <c>MessageCount</c> and <c>CountDetails</c>
/// (read by <c>SubscriptionRuntimePropertiesExtensions</c>), and a subscription's default rule
/// (<c>DefaultRuleDescription</c>, read as <c>RuleFilterExtensions</c> writes it). A description asking for what the
/// broker does not play (sessions, forwarding, partitioning, rule actions, SQL filters other than <c>1=1</c>) throws
/// <see cref="NotSupportedException"/> naming it; malformed XML throws <see cref="FormatException"/>.
/// </summary>
internal static class AtomXml
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace ServiceBus = "http://schemas.microsoft.com/netservices/2010/10/servicebus/connect";
    public static readonly XNamespace Instance = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly XNamespace Counts = "http://schemas.microsoft.com/netservices/2011/06/servicebus";

    /// <summary>The filters this broker evaluates, as a refused one's message names them.</summary>
    public const string SupportedFilters = "TrueFilter, FalseFilter, CorrelationFilter and the SQL filter 1=1";

    public static TopicDescription ReadTopic(string name, string body, DateTimeOffset now)
    {
        var description = Description(body, "TopicDescription");
        Refuse(description, "EnablePartitioning", "partitioned entities");
        Refuse(description, "ForwardTo", "forwarding");
        var requiresDuplicateDetection = Bool(description, "RequiresDuplicateDetection") ?? false;
        var window = Duration(description, "DuplicateDetectionHistoryTimeWindow") ?? TopicDescription.DefaultDuplicateDetectionWindow;
        return new TopicDescription(name, requiresDuplicateDetection, window, now);
    }

    public static SubscriptionDescription ReadSubscription(string topic, string name, string body, DateTimeOffset now)
    {
        var description = Description(body, "SubscriptionDescription");
        Refuse(description, "RequiresSession", "sessions");
        Refuse(description, "ForwardTo", "forwarding");
        Refuse(description, "ForwardDeadLetteredMessagesTo", "forwarding");
        var lockDuration = Duration(description, "LockDuration") ?? SubscriptionDescription.DefaultLockDuration;
        var maxDeliveryCount = Child(description, "MaxDeliveryCount") is { } count
            ? int.Parse(count.Value, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : SubscriptionDescription.DefaultMaxDeliveryCount;
        if (lockDuration <= TimeSpan.Zero || maxDeliveryCount < 1)
        {
            throw new FormatException("LockDuration must be positive and MaxDeliveryCount at least 1.");
        }

        var rule = Child(description, "DefaultRuleDescription");
        if (rule is not null && Child(rule, "Action") is { } action && action.Attribute(Instance + "type")?.Value is { } actionType
            && actionType != "EmptyRuleAction")
        {
            throw new NotSupportedException($"The local Service Bus broker does not run rule actions ({actionType}).");
        }

        var filter = rule is null ? null : Child(rule, "Filter");
        var filterXml = filter?.ToString(SaveOptions.DisableFormatting);
        var ruleName = rule is not null && Child(rule, "Name") is { Value.Length: > 0 } ruleNameElement
            ? ruleNameElement.Value
            : SubscriptionDescription.DefaultRuleName;
        return new SubscriptionDescription(
            topic, name, lockDuration, maxDeliveryCount, Bool(description, "DeadLetteringOnMessageExpiration") ?? false,
            ruleName, ReadFilter(filterXml), filterXml, now);
    }

    /// <summary>A rule's <c>Filter</c> element as the client writes it; <c>null</c> (no rule given) is the true filter, as in Service Bus.</summary>
    public static SubscriptionFilter ReadFilter(string? filterXml)
    {
        if (filterXml is null)
        {
            return new TrueFilter();
        }

        var filter = Parse(filterXml);
        var type = filter.Attribute(Instance + "type")?.Value;
        switch (type)
        {
            case "TrueFilter":
                return new TrueFilter();
            case "FalseFilter":
                return new FalseFilter();
            case "SqlFilter":
                var expression = Child(filter, "SqlExpression")?.Value ?? string.Empty;
                if (string.Concat(expression.Where(character => !char.IsWhiteSpace(character))) == "1=1")
                {
                    return new TrueFilter();
                }

                throw new NotSupportedException(
                    $"The local Service Bus broker evaluates only {SupportedFilters}; the SQL filter '{expression}' is not supported.");
            case "CorrelationFilter":
                return new CorrelationFilter(
                    Child(filter, "CorrelationId")?.Value, Child(filter, "MessageId")?.Value, Child(filter, "To")?.Value,
                    Child(filter, "ReplyTo")?.Value, Child(filter, "Label")?.Value, Child(filter, "SessionId")?.Value,
                    Child(filter, "ReplyToSessionId")?.Value, Child(filter, "ContentType")?.Value,
                    (Child(filter, "Properties")?.Elements() ?? [])
                        .ToDictionary(pair => Child(pair, "Key")?.Value ?? string.Empty, pair => ReadValue(Child(pair, "Value"))));
            default:
                throw new NotSupportedException($"The local Service Bus broker evaluates only {SupportedFilters}; not '{type}'.");
        }
    }

    public static string TopicEntry(TopicDescription topic, int subscriptionCount, Uri id) =>
        Entry(id, topic.Name, topic.CreatedAt, new XElement(ServiceBus + "TopicDescription",
            new XAttribute(XNamespace.Xmlns + "i", Instance.NamespaceName),
            new XElement(ServiceBus + "RequiresDuplicateDetection", XmlConvert.ToString(topic.RequiresDuplicateDetection)),
            new XElement(ServiceBus + "DuplicateDetectionHistoryTimeWindow", XmlConvert.ToString(topic.DuplicateDetectionHistoryTimeWindow)),
            new XElement(ServiceBus + "Status", "Active"),
            Times(topic.CreatedAt),
            new XElement(ServiceBus + "SubscriptionCount", subscriptionCount))).ToString();

    public static string SubscriptionEntry(SubscriptionView view, Uri id) => SubscriptionElement(view, id).ToString();

    public static string SubscriptionFeed(IEnumerable<SubscriptionView> views, Uri id, DateTimeOffset now) =>
        new XElement(Atom + "feed",
            new XElement(Atom + "title", new XAttribute("type", "text"), "Subscriptions"),
            new XElement(Atom + "id", id.AbsoluteUri),
            new XElement(Atom + "updated", XmlConvert.ToString(now)),
            views.Select(view => SubscriptionElement(view, new Uri(id, view.Description.Name)))).ToString();

    private static XElement SubscriptionElement(SubscriptionView view, Uri id)
    {
        var subscription = view.Description;
        return Entry(id, subscription.Name, subscription.CreatedAt, new XElement(ServiceBus + "SubscriptionDescription",
            new XAttribute(XNamespace.Xmlns + "i", Instance.NamespaceName),
            new XElement(ServiceBus + "LockDuration", XmlConvert.ToString(subscription.LockDuration)),
            new XElement(ServiceBus + "RequiresSession", "false"),
            new XElement(ServiceBus + "DeadLetteringOnMessageExpiration", XmlConvert.ToString(subscription.DeadLetteringOnMessageExpiration)),
            new XElement(ServiceBus + "MaxDeliveryCount", subscription.MaxDeliveryCount),
            new XElement(ServiceBus + "Status", "Active"),
            Times(subscription.CreatedAt),
            new XElement(ServiceBus + "MessageCount", view.ActiveMessageCount + view.DeadLetterMessageCount),
            new XElement(ServiceBus + "CountDetails",
                new XAttribute(XNamespace.Xmlns + "d2p1", Counts.NamespaceName),
                new XElement(Counts + "ActiveMessageCount", view.ActiveMessageCount),
                new XElement(Counts + "DeadLetterMessageCount", view.DeadLetterMessageCount),
                new XElement(Counts + "ScheduledMessageCount", 0),
                new XElement(Counts + "TransferMessageCount", 0),
                new XElement(Counts + "TransferDeadLetterMessageCount", 0))));
    }

    private static XElement Entry(Uri id, string title, DateTimeOffset createdAt, XElement description) =>
        new(Atom + "entry",
            new XElement(Atom + "id", id.AbsoluteUri),
            new XElement(Atom + "title", new XAttribute("type", "text"), title),
            new XElement(Atom + "published", XmlConvert.ToString(createdAt)),
            new XElement(Atom + "updated", XmlConvert.ToString(createdAt)),
            new XElement(Atom + "content", new XAttribute("type", "application/xml"), description));

    private static XElement[] Times(DateTimeOffset createdAt) =>
    [
        new(ServiceBus + "CreatedAt", XmlConvert.ToString(createdAt)),
        new(ServiceBus + "UpdatedAt", XmlConvert.ToString(createdAt)),
        new(ServiceBus + "AccessedAt", XmlConvert.ToString(createdAt)),
    ];

    private static XElement Description(string body, string name)
    {
        var entry = Parse(body);
        return entry.Element(Atom + "content")?.Element(ServiceBus + name)
            ?? throw new FormatException($"The request is not an ATOM entry with a {name}.");
    }

    private static XElement Parse(string xml)
    {
        try
        {
            return XElement.Parse(xml);
        }
        catch (XmlException exception)
        {
            throw new FormatException($"The request is not XML: {exception.Message}", exception);
        }
    }

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(element => element.Name.LocalName == name);

    private static bool? Bool(XElement parent, string name) => Child(parent, name) is { } element ? XmlConvert.ToBoolean(element.Value) : null;

    private static TimeSpan? Duration(XElement parent, string name) => Child(parent, name) is { } element ? XmlConvert.ToTimeSpan(element.Value) : null;

    /// <summary>Refuses a description that turns on something the broker does not play (a true flag, a non-empty address).</summary>
    private static void Refuse(XElement description, string name, string what)
    {
        if (Child(description, name) is { } element && element.Value.Trim() is { Length: > 0 } value && value != "false")
        {
            throw new NotSupportedException($"The local Service Bus broker does not play {what} ({name} = {value}).");
        }
    }

    /// <summary>A property value as <c>XmlObjectConvertor</c> writes it: <c>xsi:type</c> names its XML Schema type.</summary>
    private static object ReadValue(XElement? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var type = value.Attribute(Instance + "type")?.Value ?? "string";
        var text = value.Value;
        return type[(type.IndexOf(':', StringComparison.Ordinal) + 1)..] switch
        {
            "int" => XmlConvert.ToInt32(text),
            "long" => XmlConvert.ToInt64(text),
            "boolean" => XmlConvert.ToBoolean(text),
            "double" => XmlConvert.ToDouble(text),
            "dateTime" => XmlConvert.ToDateTime(text, XmlDateTimeSerializationMode.Utc),
            "duration" => XmlConvert.ToTimeSpan(text),
            _ => text,
        };
    }
}
