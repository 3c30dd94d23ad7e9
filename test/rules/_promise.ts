// A medborgarlöfte for the rule tables: Mora 2027, one or more promises written by the case.

/** A Medborgarlofte document whose `loften:` list is `loften` (indented as list items). */
export const medborgarlofte = (loften: string, head = ''): string => `apiVersion: lofte/v1
kind: Medborgarlofte
id: mora-2027
titel: Medborgarlöften för Mora 2027
lokalpolisomrade: lpo-mora
kommuner: [mora-kommun]
giltighet: { from: 2027-01-01, tom: 2027-12-31 }
status: utkast
${head}loften:
${loften}`;
