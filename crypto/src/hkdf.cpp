// placeholder: implemented in the crypto-core work
