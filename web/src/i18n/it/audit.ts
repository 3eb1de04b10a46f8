// Messages of the public audit log.
export const audit = {
  'audit.title': 'Registro pubblico',
  'audit.intro': 'Ogni cambiamento sulla piattaforma lascia qui una voce, concatenata alla precedente: nessuna può essere cambiata senza che si veda.',
  'audit.empty': 'Il registro è vuoto.',
  'audit.when': 'Quando',
  'audit.action': 'Azione',
  'audit.target': 'Oggetto',
  'audit.details': 'Dettagli',
  'audit.system': 'sistema',
  'audit.verifyTitle': 'Integrità del registro',
};
