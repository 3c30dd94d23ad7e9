// duplicate-id: an id names one document in the whole repository.

import { ruleTester } from '../rule-tester.js';

const forening = (id: string, namn: string): string => `apiVersion: lofte/v1\nkind: Aktor\nid: ${id}\nnamn: ${namn}\ntyp: civilsamhalle\n`;

ruleTester('duplicate-id', {
  valid: [{ name: 'two associations, two ids', files: { 'foreningar.yaml': `${forening('nattvandrarna', 'Nattvandrarna i Mora')}---\n${forening('farsor-och-morsor', 'Farsor och morsor på stan')}` } }],
  invalid: [
    {
      name: 'the same id in one file',
      files: { 'foreningar.yaml': `${forening('nattvandrarna', 'Nattvandrarna i Mora')}---\n${forening('nattvandrarna', 'Nattvandrarna i Noret')}` },
      errors: [{ code: 'duplicate-id', at: '9:5', args: { id: 'nattvandrarna', scope: 'repository' }, message: 'Id `nattvandrarna` används redan.' }],
    },
    {
      name: 'an id the base already uses, in another file',
      files: { 'kommun.yaml': forening('mora-kommun', 'Mora kommuns fritidsförvaltning') },
      errors: [{ code: 'duplicate-id', at: '3:5', args: { id: 'mora-kommun', scope: 'repository' } }],
    },
  ],
});
