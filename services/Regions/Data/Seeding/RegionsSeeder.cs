namespace KollegialtUtbyte.Regions.Data.Seeding;

/// <summary>
/// Loads the demo programme with its regions, organisations and fictional people, and the
/// strategic dialogue and member network of 2019 with theirs, from seeds/regions/. Adds only what is missing (by id) and publishes the same events as the API
/// for what it adds, so the other services' copies fill up too; a second start adds nothing and
/// publishes nothing. An entry that would clash with data entered since (same e-mail, name or
/// county code under another id) is skipped with a warning rather than stopping the service.
/// </summary>
internal sealed class RegionsSeeder(IConfiguration configuration, TimeProvider time, ILogger<RegionsSeeder> logger) : IDatabaseSeeder<RegionsDb>
{
    public async Task SeedAsync(RegionsDb db, CancellationToken cancellationToken)
    {
        if (!SeedFiles.Enabled(configuration))
        {
            return;
        }

        var seed = await RegionsSeed.ReadAsync(configuration, cancellationToken);
        var run = new SeedRun(db, time.GetUtcNow(), logger);

        // Each stage is saved before the next so the outbox holds the events in the order
        // consumers expect them (a region before the people in it); one transaction keeps the
        // whole load all-or-nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await run.OrganisationsAsync(seed.Organisations, cancellationToken);
        await run.RegionsAsync(seed.Regions, cancellationToken);
        await run.ProgrammesAsync(seed.Programmes, start => DemoCalendarShift.For(configuration, time, start), cancellationToken);
        await run.PeopleAsync(seed.People, cancellationToken);
        await run.MembershipsAsync(seed.People, cancellationToken);
        await run.WorkingGroupsAsync(seed.WorkingGroups, cancellationToken);
        await run.ExchangesAsync(seed.Exchanges, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (run.Added > 0)
        {
            logger.LogInformation("Seeded {Count} directory entries from {Directory}", run.Added, SeedFiles.Directory(configuration));
        }
    }

    private sealed class SeedRun(RegionsDb db, DateTimeOffset now, ILogger logger)
    {
        public int Added { get; private set; }

        public async Task OrganisationsAsync(IReadOnlyList<SeedOrganisation> organisations, CancellationToken cancellationToken)
        {
            var existing = await db.Organisations.ToListAsync(cancellationToken);
            foreach (var seed in organisations.Where(o => existing.All(e => e.Id != o.Id)))
            {
                if (Clashes(existing.Any(e => e.Name == seed.Name), "organisation", seed.Name))
                {
                    continue;
                }

                var organisation = Organisation.Register(seed.Id, seed.Name, seed.Kind, now);
                db.Organisations.Add(organisation);
                db.AddEvent(DirectoryEvents.Registered(organisation, now));
                existing.Add(organisation);
                Added++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        public async Task RegionsAsync(IReadOnlyList<SeedRegion> regions, CancellationToken cancellationToken)
        {
            var existing = await db.Regions.ToListAsync(cancellationToken);
            foreach (var seed in regions.Where(r => existing.All(e => e.Id != r.Id)))
            {
                if (Clashes(existing.Any(e => e.Name == seed.Name || e.CountyCode == seed.CountyCode), "region", seed.Name))
                {
                    continue;
                }

                var region = Region.Register(seed.Id, seed.Name, seed.CountyCode, now);
                db.Regions.Add(region);
                db.AddEvent(DirectoryEvents.Registered(region, now));
                db.AddEvent(DirectoryEvents.RegisteredAsOrganisation(region, now));
                existing.Add(region);
                Added++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        public async Task ProgrammesAsync(IReadOnlyList<SeedProgramme> programmes, Func<DateOnly, DemoCalendarShift> shiftFor, CancellationToken cancellationToken)
        {
            var regions = await db.Regions.ToDictionaryAsync(r => r.Id, cancellationToken);
            foreach (var seed in programmes)
            {
                if (!await db.Programmes.AnyAsync(p => p.Id == seed.Id, cancellationToken))
                {
                    var shift = shiftFor(seed.StartsOn);
                    var programme = Programme.Register(seed.Id, shift.Name(seed.Name), shift.Date(seed.StartsOn), shift.Date(seed.EndsOn), seed.ExpectedKeyOfficials, now);
                    db.Programmes.Add(programme);
                    db.AddEvent(DirectoryEvents.Registered(programme, now));
                    Added++;
                }

                var participating = await db.Teams.Where(t => t.ProgrammeId == seed.Id).Select(t => t.RegionId).ToListAsync(cancellationToken);
                foreach (var regionId in seed.RegionIds.Except(participating))
                {
                    if (!regions.TryGetValue(regionId, out var region))
                    {
                        logger.LogWarning("Seed programme {Programme} names region {Region}, which is not in the directory; skipped", seed.Name, regionId);
                        continue;
                    }

                    var team = Team.Form(seed.Id, regionId, now);
                    db.Teams.Add(team);
                    db.AddEvent(DirectoryEvents.Joined(team, region, now));
                    Added++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        public async Task PeopleAsync(IReadOnlyList<SeedPerson> people, CancellationToken cancellationToken)
        {
            var existing = await db.People.ToListAsync(cancellationToken);
            var regions = await db.Regions.ToDictionaryAsync(r => r.Id, cancellationToken);
            var organisations = await db.Organisations.ToDictionaryAsync(o => o.Id, cancellationToken);
            var facilitators = await db.Facilitators.Select(f => f.PersonId).ToListAsync(cancellationToken);

            foreach (var seed in people)
            {
                var person = existing.FirstOrDefault(e => e.Id == seed.Id);
                if (person is null)
                {
                    var affiliation = new Affiliation(seed.RegionId, seed.OrganisationId);
                    var employer = seed.RegionId is { } regionId ? regions.GetValueOrDefault(regionId)?.Name
                        : seed.OrganisationId is { } organisationId ? organisations.GetValueOrDefault(organisationId)?.Name
                        : null;
                    if (employer is null)
                    {
                        logger.LogWarning("Seed person {Person} belongs to no known region or organisation; skipped", seed.Name);
                        continue;
                    }

                    if (Clashes(existing.Any(e => e.NormalizedEmail == EmailAddresses.Normalize(seed.Email)), "person", seed.Email))
                    {
                        continue;
                    }

                    var details = new PersonDetails(seed.Name, seed.Email, seed.Phone, seed.Title, seed.PreferredLanguage, seed.Gender, seed.ShareContactDetails);
                    person = Person.Register(seed.Id, details, affiliation, now);
                    db.People.Add(person);
                    db.AddEvent(DirectoryEvents.Registered(person, employer, now));
                    if (person.Gender is not null)
                    {
                        db.AddEvent(DirectoryEvents.GenderStated(person, now));
                    }
                    existing.Add(person);
                    Added++;
                }

                // An erased person stays erased, whatever the demo data says about her.
                if (seed.Facilitator && !person.IsErased && !facilitators.Contains(person.Id))
                {
                    var organisation = person.OrganisationId is { } id ? organisations.GetValueOrDefault(id) : null;
                    var facilitator = Facilitator.Appoint(person, organisation, alreadyFacilitator: false, now);
                    db.Facilitators.Add(facilitator);
                    db.AddEvent(DirectoryEvents.Added(facilitator, person, organisation!, now));
                    Added++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        public async Task MembershipsAsync(IReadOnlyList<SeedPerson> people, CancellationToken cancellationToken)
        {
            var teams = await db.Teams.ToListAsync(cancellationToken);
            var programmes = await db.Programmes.ToDictionaryAsync(p => p.Id, cancellationToken);
            var regions = await db.Regions.ToDictionaryAsync(r => r.Id, cancellationToken);
            var directory = await db.People.ToDictionaryAsync(p => p.Id, cancellationToken);

            foreach (var seed in people)
            {
                if (!directory.TryGetValue(seed.Id, out var person) || person.IsErased)
                {
                    continue;
                }

                foreach (var membership in seed.Teams ?? [])
                {
                    var team = teams.FirstOrDefault(t => t.ProgrammeId == membership.ProgrammeId && t.RegionId == person.RegionId);
                    if (team is null)
                    {
                        logger.LogWarning("Seed person {Person} has no team in programme {Programme}; skipped", seed.Name, membership.ProgrammeId);
                        continue;
                    }

                    if (team.Members.Any(m => m.PersonId == person.Id))
                    {
                        continue;
                    }

                    var member = team.Add(person, membership.Role, programmes[team.ProgrammeId].ExpectedKeyOfficials, now);
                    db.AddEvent(DirectoryEvents.Joined(team, member, person, regions[team.RegionId].Name, now));
                    Added++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        public async Task WorkingGroupsAsync(IReadOnlyList<SeedWorkingGroup> groups, CancellationToken cancellationToken)
        {
            foreach (var seed in groups)
            {
                if (await db.WorkingGroups.AnyAsync(g => g.Id == seed.Id, cancellationToken))
                {
                    continue;
                }

                var participating = await db.Teams.Where(t => t.ProgrammeId == seed.ProgrammeId).Select(t => t.RegionId).ToListAsync(cancellationToken);
                var people = await db.People.Where(p => seed.PersonIds.Contains(p.Id)).ToListAsync(cancellationToken);
                if (participating.Count == 0 || people.Count != seed.PersonIds.Distinct().Count())
                {
                    logger.LogWarning("Seed working group {Topic} refers to a programme or people not in the directory; skipped", seed.Topic);
                    continue;
                }

                var group = WorkingGroup.Form(seed.Id, seed.ProgrammeId, seed.Topic, seed.RegionIds, people, WorkingGroupExchange.Programme(participating), now);
                db.WorkingGroups.Add(group);
                db.AddEvent(DirectoryEvents.Changed(group, now));
                Added++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        /// <summary>
        /// The dialogue and the network: registered with their roles, then the network's members,
        /// then the participants, each announced as the API announces it. Whatever is missing is added.
        /// </summary>
        public async Task ExchangesAsync(IReadOnlyList<SeedExchange> exchanges, CancellationToken cancellationToken)
        {
            var people = await db.People.ToDictionaryAsync(p => p.Id, cancellationToken);
            var organisations = await db.Organisations.ToDictionaryAsync(o => o.Id, cancellationToken);
            var regions = await db.Regions.ToDictionaryAsync(r => r.Id, cancellationToken);

            foreach (var seed in exchanges)
            {
                var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == seed.Id, cancellationToken);
                if (programme is null)
                {
                    var roles = new ExchangeRoles(seed.Question, seed.LeaderPersonId, seed.ConvenerPersonId, seed.SecretaryPersonId);
                    var known = roles.PersonIds.Where(id => people.TryGetValue(id, out var person) && !person.IsErased).ToHashSet();
                    if (known.Count != roles.PersonIds.Count())
                    {
                        logger.LogWarning("Seed exchange {Exchange} names people in its roles who are not in the directory; skipped", seed.Name);
                        continue;
                    }

                    programme = Programme.Register(seed.Id, seed.Name, seed.StartsOn, seed.EndsOn, Programme.DefaultExpectedKeyOfficials, seed.Format, roles, known, now);
                    db.Programmes.Add(programme);
                    db.AddEvent(DirectoryEvents.Registered(programme, now));
                    Added++;
                }

                var members = await db.ExchangeMembers.Where(m => m.ProgrammeId == seed.Id).ToListAsync(cancellationToken);
                foreach (var seedMember in seed.Members ?? [])
                {
                    if (members.Any(m => m.OrganisationId == seedMember.OrganisationId))
                    {
                        continue;
                    }

                    if (!organisations.TryGetValue(seedMember.OrganisationId, out var organisation))
                    {
                        logger.LogWarning("Seed exchange {Exchange} names member {Organisation}, which is not in the directory; skipped", seed.Name, seedMember.OrganisationId);
                        continue;
                    }

                    var member = programme.Join(organisation, earlier: null, seedMember.JoinedOn);
                    db.ExchangeMembers.Add(member);
                    db.AddEvent(DirectoryEvents.Joined(member, organisation, now));
                    members.Add(member);
                    Added++;
                }

                var participating = await db.ExchangeParticipants.Where(p => p.ProgrammeId == seed.Id).Select(p => p.PersonId).ToListAsync(cancellationToken);
                foreach (var personId in (seed.ParticipantIds ?? []).Except(participating))
                {
                    // An erased person stays erased, whatever the demo data says about her.
                    if (!people.TryGetValue(personId, out var person) || person.IsErased)
                    {
                        continue;
                    }

                    var isMember = members.Any(m => m.IsCurrent && m.OrganisationId == person.OrganisationId);
                    ExchangeParticipant participant;
                    try
                    {
                        participant = programme.AddParticipant(person, alreadyParticipant: false, isMember, now);
                    }
                    catch (RuleViolationException refused)
                    {
                        logger.LogWarning("Seed exchange {Exchange} cannot have {Person} as participant ({Rule}); skipped", seed.Name, person.Name, refused.Rule);
                        continue;
                    }

                    var organisation = person.OrganisationId is { } organisationId ? organisations.GetValueOrDefault(organisationId) : null;
                    var region = person.RegionId is { } regionId ? regions.GetValueOrDefault(regionId) : null;
                    db.ExchangeParticipants.Add(participant);
                    db.AddEvent(DirectoryEvents.Added(participant, person, organisation, region, now));
                    Added++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        private bool Clashes(bool clash, string what, string name)
        {
            if (clash)
            {
                logger.LogWarning("Seed {What} {Name} clashes with an existing entry under another id; skipped", what, name);
            }

            return clash;
        }
    }
}
