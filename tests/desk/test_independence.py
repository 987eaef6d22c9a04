"""Independence: wire copy and one outlet's repeats count as one origin."""

from claims.independence import Report, origins, same_copy

WIRE = "A militia spokesman said on Sunday that its fighters had entered the district centre."


def test_the_same_agency_sentence_in_two_outlets_is_one_origin():
    result = origins([Report(1, "Agency", WIRE), Report(2, "Mirror", WIRE)])
    assert result[1] == result[2] == 1


def test_light_edits_of_wire_copy_are_still_one_origin():
    edited = WIRE.replace("on Sunday", "on Sunday morning").replace("A militia", "The militia")
    assert same_copy(WIRE, edited)


def test_independent_wording_is_a_separate_origin():
    other = "Residents told our reporter by phone that armed men now guard the district office."
    result = origins([Report(1, "Agency", WIRE), Report(2, "Courier", other)])
    assert result[1] != result[2]


def test_one_outlet_repeating_itself_is_one_origin():
    other = "Residents told our reporter by phone that armed men now guard the district office."
    result = origins([Report(1, "Courier", WIRE), Report(2, "Courier", other)])
    assert result[1] == result[2]


def test_short_stock_phrases_never_match():
    assert not same_copy("Fighting continues.", "Fighting continues.")


def test_sharing_is_transitive():
    # Article 2 carries both wire sentences; 1 shares one with it, 3 the other.
    other = "Residents told our reporter by phone that armed men now guard the district office."
    result = origins([Report(1, "A", WIRE), Report(2, "B", WIRE), Report(2, "B", other),
                      Report(3, "C", other)])
    assert set(result.values()) == {1}
