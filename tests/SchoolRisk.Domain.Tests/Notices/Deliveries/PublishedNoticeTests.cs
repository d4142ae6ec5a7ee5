using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices;
using SchoolRisk.Domain.Notices.Deliveries;
using SchoolRisk.Domain.Notices.Digest;
using SchoolRisk.Domain.Notices.Letters;
using SchoolRisk.Domain.Notices.Recipients;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Notices.Deliveries;

public sealed class PublishedNoticeTests
{
    private const string Topic = "risk-notices";
    private static readonly Period Period = Period.Parse("2023-2024");

    private static readonly RecipientDirectory Directory = new([
        new Recipient("gatchinsky", "Гатчинский район", "g@edu.example.ru", null, null),
        new Recipient(RecipientDirectory.Committee, "Комитет", "c@edu.example.ru", null, null)]);

    [Fact]
    public void ForNotice_WithATopic_EachRecipientGetsOneMessageToItsOwnSubscription_BesidesItsAddresses()
    {
        var plan = DeliveryPlan.ForNotice(Notice("gatchinsky"), Directory, LetterLinks.None, Topic);

        Assert.Equal(
            [
                ("notice", DeliveryChannel.Email, "g@edu.example.ru"),
                ("notice", DeliveryChannel.ServiceBus, "risk-notices/subscriptions/gatchinsky"),
                ("alert", DeliveryChannel.Email, "c@edu.example.ru"),
                ("alert", DeliveryChannel.ServiceBus, "risk-notices/subscriptions/committee"),
            ],
            plan.Select(delivery => (delivery.Kind, delivery.Channel, delivery.Address)));
        Assert.Equal(plan.Count, plan.Select(delivery => delivery.DeliveryId).Distinct().Count());
        Assert.Equal(plan.Select(delivery => delivery.DeliveryId), DeliveryPlan.ForNotice(Notice("gatchinsky"), Directory, LetterLinks.None, Topic).Select(delivery => delivery.DeliveryId));
        Assert.DoesNotContain(DeliveryPlan.ForNotice(Notice("gatchinsky"), Directory, LetterLinks.None), delivery => delivery.Channel == DeliveryChannel.ServiceBus);
    }

    [Fact]
    public void ForNotice_AMunicipalityWithNoRowInTheDirectory_IsStillPublishedTo()
    {
        var published = Assert.Single(
            DeliveryPlan.ForNotice(Notice("kirovsky"), Directory, LetterLinks.None, Topic),
            delivery => delivery.Kind == DeliveryPlan.MunicipalityNoticeKind);

        Assert.Equal((DeliveryChannel.ServiceBus, "kirovsky", "risk-notices/subscriptions/kirovsky"), (published.Channel, published.Recipient.RecipientId, published.Address));
    }

    [Fact]
    public void Of_AMunicipalitysNotice_CarriesWhatSubscribersRouteOn()
    {
        var delivery = DeliveryPlan.ForNotice(Notice("gatchinsky"), Directory, LetterLinks.None, Topic)
            .Single(delivery => delivery.Channel == DeliveryChannel.ServiceBus && delivery.Kind == DeliveryPlan.MunicipalityNoticeKind);

        var published = PublishedNotice.Of(delivery);

        Assert.Equal((delivery.DeliveryId, "evaluated"), (published.MessageId, published.Subject));
        Assert.Equal(
            new Dictionary<string, object>
            {
                ["recipient"] = "gatchinsky",
                ["deliveryKind"] = "notice",
                ["noticeId"] = "2023-2024_u1_v1",
                ["period"] = "2023-2024",
                ["municipality"] = "gatchinsky",
                ["highZoneSchools"] = 1,
                ["mediumZoneSchools"] = 1,
                ["ruleSetVersion"] = TestIds.Version("v1").ToString(),
            },
            published.Properties);
    }

    [Fact]
    public void Of_TheCommitteesAlert_IsAddressedToTheCommittee_AboutTheMunicipality()
    {
        var alert = DeliveryPlan.ForNotice(Notice("gatchinsky"), Directory, LetterLinks.None, Topic)
            .Single(delivery => delivery.Channel == DeliveryChannel.ServiceBus && delivery.Kind == DeliveryPlan.CommitteeAlertKind);

        var published = PublishedNotice.Of(alert);

        Assert.Equal(("alert", "committee", "gatchinsky"), (published.Subject, published.Properties["recipient"], published.Properties["municipality"]));
    }

    [Fact]
    public void Of_TheDigest_CountsTheRegion_AndNamesNoMunicipality()
    {
        DigestSchool School(string municipality, string id, Zone zone) => new(MunicipalityId.Parse(municipality), SchoolId.Parse(id), $"Школа {id}", zone, SchoolRisk.Domain.RiskGroups.RiskGroupStanding.Outside);
        var digest = RegionalDigest.Of(
            Period, [School("a", "a-1", Zone.High), School("a", "a-2", Zone.Medium), School("b", "b-1", Zone.High)], [],
            new Dictionary<MunicipalityId, Zone> { [MunicipalityId.Parse("a")] = Zone.High, [MunicipalityId.Parse("b")] = Zone.High });

        var published = PublishedNotice.Of(Assert.Single(DeliveryPlan.ForDigest(digest, Directory, Topic), delivery => delivery.Channel == DeliveryChannel.ServiceBus));

        Assert.Equal(("digest", "committee", 2, 1), (published.Subject, published.Properties["recipient"], published.Properties["highZoneSchools"], published.Properties["mediumZoneSchools"]));
        Assert.False(published.Properties.ContainsKey("municipality"));
    }

    [Fact]
    public void TitleOf_EverySubjectThisProductPublishes_IsTitledInRussian_AndAForeignSubjectIsLeftAsItIs()
    {
        var subjects = Enum.GetValues<NoticeKind>().Where(kind => kind != NoticeKind.Digest)
            .Select(kind => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString()))
            .Append(DeliveryPlan.CommitteeAlertKind).Append(DeliveryPlan.DigestKind);

        Assert.All(subjects, subject => Assert.Matches("^[а-яё ]+$", PublishedNotice.TitleOf(subject)));
        Assert.Equal("invoiceIssued", PublishedNotice.TitleOf("invoiceIssued"));
    }

    [Fact]
    public void NameOf_IsTheRecipientsId_OrAShortenedDistinctNameForAnIdLongerThanServiceBusAllows()
    {
        var longId = new string('a', 50) + "-first";
        var otherLongId = new string('a', 50) + "-second";

        Assert.Equal("gatchinsky", NoticeSubscription.NameOf("gatchinsky"));
        Assert.Equal(NoticeSubscription.MaxNameLength, NoticeSubscription.NameOf(longId).Length);
        Assert.NotEqual(NoticeSubscription.NameOf(longId), NoticeSubscription.NameOf(otherLongId));
        Assert.Equal(NoticeSubscription.NameOf(longId), NoticeSubscription.NameOf(longId));
        Assert.False(MunicipalityId.TryParse(NoticeSubscription.NameOf(longId), out _), "a shortened name could be another municipality's id");
    }

    private static MunicipalityNotice Notice(string municipality) =>
        new("2023-2024_u1_v1", MunicipalityId.Parse(municipality), Period, "u1", $"2023-2024/{municipality}/schools.csv", NoticeKind.Evaluated, TestIds.Version("v1"), 4,
            [
                new RiskSchool(SchoolId.Parse($"{municipality}-001"), "Школа 1", Zone.High, []) { Before = Zone.Medium },
                new RiskSchool(SchoolId.Parse($"{municipality}-002"), "Школа 2", Zone.Medium, []) { Before = Zone.None },
            ],
            null);
}
