/**
 * Towns of the demo network, by district. Postcodes and coordinates are those of the town
 * (GeoNames postcode points, CC BY 4.0, via ../shared/data/geo); streets are common street
 * names of the town, house numbers are invented.
 */
export type Town = {
  city: string;
  ags: string;
  postcode: string;
  lat: number;
  lon: number;
  streets: string[];
};

export const TOWNS: Town[] = [
  {
    city: "Dessau-Roßlau",
    ags: "15001",
    postcode: "06844",
    lat: 51.8441,
    lon: 12.2475,
    streets: ["Zerbster Straße", "Kavalierstraße", "Askanische Straße"],
  },
  {
    city: "Roßlau (Elbe)",
    ags: "15001",
    postcode: "06862",
    lat: 51.8872,
    lon: 12.2405,
    streets: ["Hauptstraße", "Südstraße"],
  },
  {
    city: "Halle (Saale)",
    ags: "15002",
    postcode: "06108",
    lat: 51.483,
    lon: 11.972,
    streets: ["Große Ulrichstraße", "Leipziger Straße", "Hansering", "Universitätsring"],
  },
  {
    city: "Halle (Saale)",
    ags: "15002",
    postcode: "06122",
    lat: 51.4808,
    lon: 11.9185,
    streets: ["Neustädter Passage", "Zerbster Straße"],
  },
  {
    city: "Magdeburg",
    ags: "15003",
    postcode: "39104",
    lat: 52.1243,
    lon: 11.6322,
    streets: ["Breiter Weg", "Otto-von-Guericke-Straße", "Ernst-Reuter-Allee", "Hasselbachplatz"],
  },
  {
    city: "Magdeburg",
    ags: "15003",
    postcode: "39108",
    lat: 52.1296,
    lon: 11.6043,
    streets: ["Olvenstedter Straße", "Große Diesdorfer Straße"],
  },
  {
    city: "Magdeburg",
    ags: "15003",
    postcode: "39112",
    lat: 52.1092,
    lon: 11.6126,
    streets: ["Halberstädter Straße", "Lorenzweg"],
  },
  {
    city: "Salzwedel",
    ags: "15081",
    postcode: "29410",
    lat: 52.8544,
    lon: 11.1525,
    streets: ["Neutorstraße", "Burgstraße", "Altperverstraße"],
  },
  {
    city: "Gardelegen",
    ags: "15081",
    postcode: "39638",
    lat: 52.5252,
    lon: 11.3952,
    streets: ["Rudolf-Breitscheid-Straße", "Sandstraße"],
  },
  {
    city: "Köthen (Anhalt)",
    ags: "15082",
    postcode: "06366",
    lat: 51.7519,
    lon: 11.9709,
    streets: ["Lohmannstraße", "Schalaunische Straße", "Springstraße"],
  },
  {
    city: "Bitterfeld-Wolfen",
    ags: "15082",
    postcode: "06749",
    lat: 51.6229,
    lon: 12.3177,
    streets: ["Walther-Rathenau-Straße", "Bismarckstraße"],
  },
  {
    city: "Zerbst/Anhalt",
    ags: "15082",
    postcode: "39261",
    lat: 51.9662,
    lon: 12.0852,
    streets: ["Breite Straße", "Alte Brücke"],
  },
  {
    city: "Haldensleben",
    ags: "15083",
    postcode: "39340",
    lat: 52.3006,
    lon: 11.4303,
    streets: ["Hagenstraße", "Magdeburger Straße"],
  },
  {
    city: "Oschersleben (Bode)",
    ags: "15083",
    postcode: "39387",
    lat: 52.0304,
    lon: 11.229,
    streets: ["Halberstädter Straße", "Hornhäuser Straße"],
  },
  {
    city: "Wolmirstedt",
    ags: "15083",
    postcode: "39326",
    lat: 52.2486,
    lon: 11.6294,
    streets: ["August-Bebel-Straße", "Schwimmbadstraße"],
  },
  {
    city: "Naumburg (Saale)",
    ags: "15084",
    postcode: "06618",
    lat: 51.1499,
    lon: 11.8098,
    streets: ["Weißenfelser Straße", "Salzstraße", "Markt"],
  },
  {
    city: "Weißenfels",
    ags: "15084",
    postcode: "06667",
    lat: 51.2015,
    lon: 11.9684,
    streets: ["Merseburger Straße", "Promenade"],
  },
  {
    city: "Zeitz",
    ags: "15084",
    postcode: "06712",
    lat: 51.0496,
    lon: 12.1369,
    streets: ["Altmarkt", "Rahnestraße"],
  },
  {
    city: "Halberstadt",
    ags: "15085",
    postcode: "38820",
    lat: 51.8956,
    lon: 11.0562,
    streets: ["Friedrich-Ebert-Straße", "Richard-Wagner-Straße", "Fischmarkt"],
  },
  {
    city: "Wernigerode",
    ags: "15085",
    postcode: "38855",
    lat: 51.8365,
    lon: 10.7822,
    streets: ["Marktplatz", "Breite Straße"],
  },
  {
    city: "Quedlinburg",
    ags: "15085",
    postcode: "06484",
    lat: 51.7884,
    lon: 11.1501,
    streets: ["Heilige-Geist-Straße", "Steinweg"],
  },
  {
    city: "Burg",
    ags: "15086",
    postcode: "39288",
    lat: 52.2727,
    lon: 11.8553,
    streets: ["August-Bebel-Straße", "Schartauer Straße"],
  },
  {
    city: "Genthin",
    ags: "15086",
    postcode: "39307",
    lat: 52.4067,
    lon: 12.1592,
    streets: ["Brandenburger Straße", "Mühlenstraße"],
  },
  {
    city: "Sangerhausen",
    ags: "15087",
    postcode: "06526",
    lat: 51.4722,
    lon: 11.2953,
    streets: ["Kylische Straße", "Göpenstraße"],
  },
  {
    city: "Lutherstadt Eisleben",
    ags: "15087",
    postcode: "06295",
    lat: 51.5258,
    lon: 11.5345,
    streets: ["Sangerhäuser Straße", "Markt"],
  },
  {
    city: "Hettstedt",
    ags: "15087",
    postcode: "06333",
    lat: 51.6503,
    lon: 11.5115,
    streets: ["Johannisstraße", "Lindenstraße"],
  },
  {
    city: "Merseburg",
    ags: "15088",
    postcode: "06217",
    lat: 51.3548,
    lon: 11.9892,
    streets: ["Leunaer Straße", "Gotthardstraße", "Domplatz"],
  },
  {
    city: "Querfurt",
    ags: "15088",
    postcode: "06268",
    lat: 51.3812,
    lon: 11.6005,
    streets: ["Markt", "Nebraer Straße"],
  },
  {
    city: "Bernburg (Saale)",
    ags: "15089",
    postcode: "06406",
    lat: 51.7946,
    lon: 11.7401,
    streets: ["Karlsplatz", "Lindenstraße", "Breite Straße"],
  },
  {
    city: "Schönebeck (Elbe)",
    ags: "15089",
    postcode: "39218",
    lat: 52.0183,
    lon: 11.724,
    streets: ["Friedrichstraße", "Republikstraße"],
  },
  {
    city: "Aschersleben",
    ags: "15089",
    postcode: "06449",
    lat: 51.7574,
    lon: 11.4608,
    streets: ["Hohe Straße", "Breite Straße"],
  },
  {
    city: "Stendal",
    ags: "15090",
    postcode: "39576",
    lat: 52.6069,
    lon: 11.8587,
    streets: ["Bahnhofstraße", "Hospitalstraße", "Breite Straße"],
  },
  {
    city: "Tangermünde",
    ags: "15090",
    postcode: "39590",
    lat: 52.5446,
    lon: 11.9765,
    streets: ["Lange Straße", "Kirchstraße"],
  },
  {
    city: "Havelberg",
    ags: "15090",
    postcode: "39539",
    lat: 52.8309,
    lon: 12.0755,
    streets: ["Lange Straße", "Uferstraße"],
  },
  {
    city: "Lutherstadt Wittenberg",
    ags: "15091",
    postcode: "06886",
    lat: 51.8744,
    lon: 12.606,
    streets: ["Collegienstraße", "Dessauer Straße", "Schlossstraße"],
  },
  {
    city: "Jessen (Elster)",
    ags: "15091",
    postcode: "06917",
    lat: 51.7936,
    lon: 12.9597,
    streets: ["Schloßstraße", "Rosa-Luxemburg-Straße"],
  },
  {
    city: "Gräfenhainichen",
    ags: "15091",
    postcode: "06773",
    lat: 51.7289,
    lon: 12.4565,
    streets: ["Karl-Liebknecht-Straße", "Markt"],
  },
];

/** The towns of a district, the district seat first. */
export function townsOf(ags: string): Town[] {
  return TOWNS.filter((t) => t.ags === ags);
}

/** The town of a city name; the demo organisations' cities are all listed. */
export function townNamed(city: string): Town {
  const norm = (s: string) => s.replace(/\s*\(.*\)|\/.*$/g, "").trim();
  const town = TOWNS.find((t) => t.city === city) ?? TOWNS.find((t) => norm(t.city) === norm(city));
  if (!town) throw new Error(`no demo town ${city}`);
  return town;
}
